import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NormalizedSpan } from "@/lib/ingest/types";
import { DuckDbSpanStore } from "./store";

const TRACE = "cd".repeat(16);
const T0 = 1_700_000_000_000_000_000n;

function span(n: number, parent: number | null, name: string, service: string, startMs: number, events: string[] = []): NormalizedSpan {
  const start = T0 + BigInt(startMs) * 1_000_000n;
  return {
    traceId: TRACE, spanId: n.toString(16).padStart(16, "0"), parentSpanId: parent === null ? null : parent.toString(16).padStart(16, "0"),
    traceState: "", name, kind: 2, startNs: start, endNs: start + 5_000_000n, statusCode: n % 3 === 0 ? 2 : 0, statusMessage: "",
    attributes: [], resource: [{ key: "service.name", value: { t: "str", v: service } }], scopeName: "", scopeVersion: "",
    events: events.map((e, i) => ({ name: e, timeNs: start + BigInt(i + 1) * 1000n, attributes: [], droppedAttributesCount: 0 })),
    links: [], droppedAttributesCount: 0, droppedEventsCount: 0, droppedLinksCount: 0,
  };
}

let dir: string;
let store: DuckDbSpanStore;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "spanlens-compact-json-"));
  store = await DuckDbSpanStore.open(dir);
  await store.ingest(1, [
    span(1, null, "GET /", "web", 0),
    span(2, 1, "db", "api", 1, ["exception", "retry"]),
    span(3, 1, "retry", "api", 2, ["cache.miss"]),
    span(4, 99, "orphan", "worker", 3, ["exception"]),
    span(5, 2, "db", "web", 3),
  ]);
});

afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("getCompactTraceJson", () => {
  it("answers exactly what getCompactTrace answers, names interned in first-seen order", async () => {
    const objects = await store.getCompactTrace(1, TRACE);
    const json = await store.getCompactTraceJson(1, TRACE);
    expect(JSON.parse(json!)).toEqual(objects);
    expect(objects!.names).toEqual(["GET /", "db", "exception", "retry", "cache.miss", "orphan"]);
    expect(objects!.parentSpanId[3]).toBe("0000000000000063");
  });

  it("is null for an unknown trace or a bad id", async () => {
    expect(await store.getCompactTraceJson(1, "ef".repeat(16))).toBeNull();
    expect(await store.getCompactTraceJson(1, "nope")).toBeNull();
  });
});

/**
 * A regex RE2 refuses only when compiling it (too big a program, `\pL{1000}`): each engine
 * words the refusal its own way, and the HTTP layer must answer 400 for both, never 500
 * (ClickHouse's wording answered 500, found by the integration suite on ClickHouse).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badRequestResponse } from "@/lib/http/errors";
import { openBothEngines } from "./both-engines";
import { QPROJECT, QWINDOW, queryFixtureBatches } from "./query-fixture";

let engines: Awaited<ReturnType<typeof openBothEngines>>;
beforeAll(async () => {
  engines = await openBothEngines(async (store) => {
    for (const b of queryFixtureBatches()) await store.ingest(b.projectId, b.spans, b.rates.length ? { sampleRates: b.rates } : {});
  });
}, 120_000);
afterAll(() => engines.cleanup());

describe("a regex too large for RE2", () => {
  it.each(['{ name =~ "\\\\pL{1000}" }', '{ span.customer.tier =~ "\\\\pL{1000}" }'])("%s is a 400 on both engines", async (q) => {
    const refused = await engines.both((s) => s.searchTraces({
      projectId: QPROJECT, q, ...QWINDOW, limit: 20, sort: "start", order: "asc", columns: [],
    }).then(() => null, (err: unknown) => badRequestResponse(err)));
    for (const res of [refused.duck, refused.ch]) {
      expect(res?.status).toBe(400);
      expect(await res?.json()).toEqual({ error: "q: the engine cannot compile a regex of this query: pattern too large - compile failed" });
    }
  });
});

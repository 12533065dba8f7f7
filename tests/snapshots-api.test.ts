import { beforeAll, describe, expect, it } from "vitest";
import { adminApi, base, hexId, postJson } from "./http";
import { otlpRequest } from "./otlp-json-payloads";
import { as, invitedPerson } from "./team-fixtures";

const T0 = 1_710_000_000;
const RANGE = { start: T0, end: T0 + 3600 };
const service = `snap-${hexId(16)}`;
const q = `{ resource.service.name = "${service}" }`;

async function ingest(n: number) {
  const spans = Array.from({ length: n }, (_, i) => {
    const traceId = hexId(32);
    return {
      traceId, spanId: hexId(16), name: "POST /checkout", start: `${T0 + 60 + i}000000000`, end: `${T0 + 60 + i}200000000`,
      attributes: [{ key: "customer.tier", value: { stringValue: i % 2 ? "free" : "enterprise" } }, { key: "user.id", value: { stringValue: `u${i}` } }],
    };
  });
  expect((await postJson("/v1/traces", otlpRequest(service, spans))).status).toBe(200);
}

const panels = [
  { id: "n", kind: "number", title: "Requests", query: { q, measure: "count" }, layout: { x: 0, y: 0, w: 3, h: 4 } },
  { id: "m", kind: "metrics", title: "By tier", query: { q, measure: "count", groupBy: ["span.customer.tier"], view: "totals" }, layout: { x: 3, y: 0, w: 9, h: 8 } },
  { id: "t", kind: "traces", title: "Slowest", query: { q, sort: "duration", order: "desc", limit: 5 }, layout: { x: 0, y: 8, w: 6, h: 6 } },
  { id: "f", kind: "funnel", title: "Funnel", query: { steps: [`{ resource.service.name = "${service}" && span.customer.tier = "enterprise" }`, `{ resource.service.name = "${service}" }`], by: "span.user.id" }, layout: { x: 6, y: 8, w: 6, h: 6 } },
  { id: "h", kind: "metrics", title: "Heatmap", query: { q, view: "heatmap" }, layout: { x: 0, y: 14, w: 12, h: 6 } },
];

type Snapshot = { frozen: { panels: { panel: { id: string }; problem?: string }[]; answers: [unknown[], unknown][] }; project: { slug: string }; takenBy: string; range: unknown };
const requestCount = (s: Snapshot) => {
  const metrics = s.frozen.answers.filter(([k]) => k[0] === "metrics").map(([, d]) => d as { series: { total: number | null }[] });
  return metrics.map((m) => m.series[0]?.total ?? null);
};

describe("public snapshots", () => {
  let boardId = "";
  beforeAll(async () => {
    await ingest(6);
    const res = await adminApi("/api/v1/boards", { method: "POST", body: JSON.stringify({ name: "Snap board", timeRange: RANGE, variables: [], panels }) });
    expect(res.status).toBe(201);
    boardId = ((await res.json()) as { id: string }).id;
  });

  const snap = (body: unknown = {}) => adminApi(`/api/v1/boards/${boardId}/snapshots`, { method: "POST", body: JSON.stringify(body) });

  it("freezes the panels, opens without signing in, and later data does not change it", async () => {
    const made = await snap();
    expect(made.status).toBe(201);
    const { token, url, expiresAt } = (await made.json()) as { token: string; url: string; expiresAt: string | null };
    expect(token).toMatch(/^snap_[\w-]{43}$/);
    expect(url).toBe(`${base()}/snapshots/${token}`);
    expect(expiresAt).toBeNull();

    const open = async () => (await (await fetch(`${base()}/api/v1/snapshots/${token}`)).json()) as Snapshot;
    const first = await open();
    expect(first.project.slug).toBe("default");
    expect(first.takenBy).toBe("admin@spanlens.test");
    expect(first.range).toEqual(RANGE);
    expect(first.frozen.panels.find((p) => p.panel.id === "h")?.problem).toMatch(/heatmap/);
    expect(first.frozen.panels.filter((p) => p.problem)).toHaveLength(1);
    expect(requestCount(first)).toContain(6);

    await ingest(4);
    const live = await adminApi(`/api/v1/metrics?${new URLSearchParams({ q, measure: "count", start: String(RANGE.start), end: String(RANGE.end) })}`);
    expect(((await live.json()) as { series: { total: number }[] }).series[0].total).toBe(10);
    expect(requestCount(await open())).toEqual(requestCount(first));

    const page = await fetch(`${base()}/snapshots/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Snap board");
    expect(html).toContain("admin@spanlens.test");
    expect(page.headers.get("referrer-policy") ?? html).toMatch(/no-referrer/);
  });

  it("one panel alone, with an expiry", async () => {
    const made = await snap({ panelId: "n", expiresInHours: 24 });
    expect(made.status).toBe(201);
    const { token, expiresAt } = (await made.json()) as { token: string; expiresAt: string };
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
    const s = (await (await fetch(`${base()}/api/v1/snapshots/${token}`)).json()) as Snapshot & { title: string };
    expect(s.frozen.panels.map((p) => p.panel.id)).toEqual(["n"]);
    expect(s.title).toBe("Requests (from Snap board)");
    expect((await snap({ panelId: "nope" })).status).toBe(400);
    expect((await snap({ expiresInHours: 0 })).status).toBe(400);
  });

  it("revoking answers 404 from then on, for the API and the page", async () => {
    const { token } = (await (await snap()).json()) as { token: string };
    expect((await adminApi(`/api/v1/snapshots/${token}`, { method: "DELETE" })).status).toBe(204);
    expect((await fetch(`${base()}/api/v1/snapshots/${token}`)).status).toBe(404);
    expect((await fetch(`${base()}/snapshots/${token}`)).status).toBe(404);
    expect((await adminApi(`/api/v1/snapshots/${token}`, { method: "DELETE" })).status).toBe(404);
    expect((await fetch(`${base()}/api/v1/snapshots/snap_${"x".repeat(43)}`)).status).toBe(404);
  });

  it("editors make snapshots, viewers cannot; a project can turn them off, which closes existing links", async () => {
    const viewer = await as(await invitedPerson("default", "viewer"));
    const editor = await as(await invitedPerson("default", "editor"));
    const post = (h: Record<string, string>) => fetch(`${base()}/api/v1/boards/${boardId}/snapshots?project=default`, { method: "POST", headers: { ...h, "content-type": "application/json" }, body: "{}" });
    expect((await post(viewer)).status).toBe(403);
    const made = await post(editor);
    expect(made.status).toBe(201);
    const { token } = (await made.json()) as { token: string };

    const toggle = (on: boolean) => adminApi("/api/v1/projects/default", { method: "PATCH", body: JSON.stringify({ snapshotsEnabled: on }) });
    expect((await toggle(false)).status).toBe(200);
    try {
      expect((await fetch(`${base()}/api/v1/snapshots/${token}`)).status).toBe(404);
      const refused = await post(editor);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: string }).error).toMatch(/turned off/);
    } finally {
      expect((await toggle(true)).status).toBe(200);
    }
    expect((await fetch(`${base()}/api/v1/snapshots/${token}`)).status).toBe(200);
    const list = (await (await adminApi("/api/v1/projects/default/snapshots")).json()) as { snapshots: { title: string; createdBy: string }[] };
    expect(list.snapshots.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(list)).not.toContain(token);
  });
});

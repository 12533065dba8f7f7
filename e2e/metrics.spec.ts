import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { sendDemoData } from "../scripts/demo/generate";
import { apiKey, baseUrl } from "./env";

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const ns = (seconds: number, ms = 0) => (BigInt(seconds) * 1_000_000_000n + BigInt(ms) * 1_000_000n).toString();

const run = hex(3);
const service = `e2e-metrics-${run}`;
const STEP = 300;
// A pinned range starting on a 5-minute boundary, so each span's bucket is known.
const start = Math.floor(Date.now() / 1000 / STEP) * STEP - 8 * STEP;
const end = start + 10 * STEP;
const enterpriseAt = start + 2 * STEP + 20;

/** One single-span trace (a request of one customer tier) per entry. */
async function ingestRequests(request: APIRequestContext, spans: { tier: string; at: number; ms: number; traceId: string }[]) {
  const res = await request.post(`${baseUrl()}/v1/traces`, {
    headers: { authorization: `Bearer ${apiKey()}` },
    data: {
      resourceSpans: [{
        resource: { attributes: [str("service.name", service)] },
        scopeSpans: [{
          scope: { name: "e2e" },
          spans: spans.map((s) => ({
            traceId: s.traceId, spanId: hex(8), name: "GET /plan", kind: 2,
            startTimeUnixNano: ns(s.at), endTimeUnixNano: ns(s.at, s.ms), attributes: [str("customer.tier", s.tier)], status: { code: 1 },
          })),
        }],
      }],
    },
  });
  expect(res.status(), await res.text()).toBe(200);
}

const enterpriseTraces = [hex(16), hex(16)];
const laterEnterprise = hex(16);
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

test.beforeAll(async ({ request }, testInfo) => {
  testInfo.setTimeout(240_000);
  await sendDemoData({ baseUrl: baseUrl(), apiKey: apiKey(), traces: 200, bigTraceSpans: [50, 60], noveumTraces: 2, seed: 11 });
  await ingestRequests(request, [
    { tier: "enterprise", at: enterpriseAt, ms: 100, traceId: enterpriseTraces[0] },
    { tier: "enterprise", at: enterpriseAt + 30, ms: 140, traceId: enterpriseTraces[1] },
    ...[800, 900, 1000].map((ms, i) => ({ tier: "free", at: start + 2 * STEP + 40 + i, ms, traceId: hex(16) })),
    { tier: "premium", at: start + 5 * STEP + 5, ms: 300, traceId: hex(16) },
    // In a later bucket: the drill-down from the first bucket must not list it.
    { tier: "enterprise", at: start + 6 * STEP + 10, ms: 120, traceId: laterEnterprise },
  ]);
});

test("charts p95 by tier, isolates a tier in the legend, and opens the traces behind a bar", async ({ page }) => {
  const q = `{ resource.service.name = "${service}" }`;
  const params = new URLSearchParams({ q, measure: "p95(duration)", groupBy: "span.customer.tier", view: "bar", step: "5m", start: String(start), end: String(end) });
  await page.goto(`${baseUrl()}/metrics?${params}`);

  await expect(page.getByTestId("metrics-summary")).toContainText("p95 of duration (exact)");
  const legend = page.getByTestId("legend-item");
  await expect(legend).toHaveCount(3);
  // Exact p95 of 100, 120 and 140 ms, interpolated linearly: 138 ms.
  const enterprise = legend.filter({ hasText: "enterprise" });
  await expect(enterprise).toContainText("138 ms");

  await enterprise.click();
  await expect(enterprise).toHaveAttribute("aria-pressed", "true");
  await expect(legend.filter({ hasText: "free" })).toHaveAttribute("aria-pressed", "false");
  await expect(page).toHaveURL(/show=enterprise/);

  const bars = page.locator(".recharts-bar-rectangle");
  await expect(bars).toHaveCount(2);
  await bars.first().click();
  // The click selects the bucket: its traces sit beside "What is different?".
  await page.getByTestId("bucket-traces").click();

  await expect(page).toHaveURL(/\/traces\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get("q")).toBe(`{ resource.service.name = "${service}" && span.customer.tier = "enterprise" }`);
  expect(url.searchParams.get("start")).toBe(iso(start + 2 * STEP));
  expect(url.searchParams.get("end")).toBe(iso(start + 3 * STEP));
  const rows = page.getByTestId("result-row");
  await expect(rows).toHaveCount(2);
  for (const id of enterpriseTraces) await expect(page.locator(`a[href="/traces/${id}"]`)).toBeAttached();
  await expect(page.locator(`a[href="/traces/${laterEnterprise}"]`)).toHaveCount(0);
});

test("shows a TraceQL error in place, with its position", async ({ page }) => {
  await page.goto(`${baseUrl()}/metrics`);
  const field = page.getByTestId("query-input");
  await field.locator(".cm-content").fill("{ span.customer.tier = }");
  await page.getByTestId("run-query").click();
  await expect(page).toHaveURL(/q=/);
  const problem = page.getByTestId("query-problem");
  await expect(problem).toBeVisible();
  await expect(problem).toContainText("column");
  await expect(field).toHaveAttribute("data-invalid", "true");
  await expect(field.locator(".cm-lintRange-error")).toBeAttached();
});

test("the tier view tells the demo data's story at a glance", async ({ page }) => {
  await page.goto(`${baseUrl()}/tiers?since=2d`);
  const rows = page.getByTestId("tier-row");
  // Other spec files share this server and add tiers of their own: the demo's four must
  // be there, in tier order.
  await expect(rows.locator("th")).toContainText(["free", "standard", "premium", "enterprise"]);
  await expect(page.getByTestId("tier-insights")).toContainText("of revenue");
  await expect(page.getByTestId("tier-scorecard")).toContainText("$");
  for (const m of ["requests", "errorRate", "p95", "revenue"]) await expect(page.getByTestId(`tier-chart-${m}`).locator(".recharts-surface").first()).toBeVisible();
});

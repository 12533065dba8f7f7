import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { apiKey, baseUrl } from "./env";

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const service = `e2e-tqlm-${hex(3)}`;
const STEP = 300;
const start = Math.floor(Date.now() / 1000 / STEP) * STEP - 8 * STEP;
const end = start + 10 * STEP;
const ns = (seconds: number, ms = 0) => (BigInt(seconds) * 1_000_000_000n + BigInt(ms) * 1_000_000n).toString();

test.beforeAll(async ({ request }) => {
  const spans = [["gold", 20, 100], ["gold", 40, 300], ["free", 60, 50], ["free", 400, 70], ["free", 700, 90]].map(([tier, at, ms]) => ({
    traceId: hex(16), spanId: hex(8), name: "GET /plan", kind: 2,
    startTimeUnixNano: ns(start + Number(at)), endTimeUnixNano: ns(start + Number(at), Number(ms)),
    attributes: [{ key: "customer.tier", value: { stringValue: String(tier) } }],
  }));
  const res = await request.post(`${baseUrl()}/v1/traces`, {
    headers: { authorization: `Bearer ${apiKey()}` },
    data: { resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: service } }] }, scopeSpans: [{ spans }] }] },
  });
  expect(res.status(), await res.text()).toBe(200);
});

test("a TraceQL metrics query draws the chart and fills the builder; the builder rewrites the text", async ({ page }) => {
  await page.goto(`${baseUrl()}/metrics?start=${start}&end=${end}&step=5m`);
  const field = page.getByTestId("query-input");
  const editor = field.locator(".cm-content");
  const filter = `{ resource.service.name = "${service}" }`;

  await editor.fill(`${filter} | rate() by (span.customer.tier)`);
  await page.getByTestId("run-query").click();
  await expect(page).toHaveURL(/measure=rate/);
  await expect(page).toHaveURL(/groupBy=span\.customer\.tier/);
  await expect(page.getByTestId("measure-fn")).toHaveValue("rate");
  await expect(page.getByTestId("group-by-0")).toHaveValue("span.customer.tier");
  const legend = page.getByTestId("legend-item");
  await expect(legend).toHaveCount(2);
  await expect(legend.filter({ hasText: "gold" })).toBeVisible();

  await page.getByTestId("measure-fn").selectOption("p95");
  await expect(editor).toHaveText(`${filter} | quantile_over_time(duration, 0.95) by (span.customer.tier)`);
  await expect(page).toHaveURL(/measure=p95/);
  await expect(legend).toHaveCount(2);
});

test("text beyond the builder runs as text; what the grammar cannot parse is named", async ({ page }) => {
  await page.goto(`${baseUrl()}/metrics?start=${start}&end=${end}&step=5m`);
  const field = page.getByTestId("query-input");
  const editor = field.locator(".cm-content");
  const filter = `{ resource.service.name = "${service}" }`;

  await editor.fill(`${filter} | count_over_time() by (span.customer.tier) | topk(1)`);
  await page.getByTestId("run-query").click();
  await expect(page.getByTestId("beyond-builder")).toContainText("topk()");
  await expect(page.getByTestId("measure-fn")).toBeDisabled();
  await expect(page.getByTestId("legend-item").first()).toBeVisible();

  await editor.fill(`${filter} | rate() > 3`);
  await page.getByTestId("run-query").click();
  const problem = page.getByTestId("query-problem");
  await expect(problem).toContainText("not supported: comparing a metrics query with a value");
  await expect(field).toHaveAttribute("data-invalid", "true");
});

test("a metrics query typed on /traces offers to open it in Metrics, with its window", async ({ page }) => {
  const query = `{ resource.service.name = "${service}" } | rate() by (span.customer.tier)`;
  await page.goto(`${baseUrl()}/traces?${new URLSearchParams({ q: query, start: new Date(start * 1000).toISOString(), end: new Date(end * 1000).toISOString() })}`);
  const hint = page.getByTestId("metrics-query-hint");
  await expect(hint).toBeVisible();
  await hint.getByRole("link", { name: /Open it in Metrics/ }).click();
  await expect(page).toHaveURL(/\/metrics\?/);
  await expect(page.getByTestId("legend-item")).toHaveCount(2);
});

import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { apiKey, baseUrl } from "./env";

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });

// Unique per run: the server is shared with the other specs.
const service = `e2e-cmpentry-${hex(3)}`;
const STEP_1 = `{ resource.service.name = "${service}" && name = "GET /checkout" }`;
const STEP_2 = `{ resource.service.name = "${service}" && name = "charge card" }`;

/** A checkout, started a few seconds ago; only those that went on have a "charge card" span after it. */
function checkout(region: string, wentOn: boolean) {
  const start = BigInt(Date.now() - 10_000) * 1_000_000n;
  const traceId = hex(16);
  const span = (name: string, from: bigint) => ({
    traceId, spanId: hex(8), name, kind: 2, startTimeUnixNano: String(from), endTimeUnixNano: String(from + 20_000_000n),
    attributes: [str("region", region)], status: { code: 1 },
  });
  const spans = [span("GET /checkout", start), ...(wentOn ? [span("charge card", start + 50_000_000n)] : [])];
  return { resource: { attributes: [str("service.name", service)] }, scopeSpans: [{ scope: { name: "e2e" }, spans }] };
}

// A second service for the ungrouped chart: 8 spans now (ap-south), 24 half an hour ago (us-east).
const windowService = `e2e-cmpwindow-${hex(3)}`;
function windowBatch() {
  const span = (agoMs: number, region: string) => {
    const start = BigInt(Date.now() - agoMs) * 1_000_000n;
    return {
      traceId: hex(16), spanId: hex(8), name: "GET /search", kind: 2, startTimeUnixNano: String(start),
      endTimeUnixNano: String(start + 20_000_000n), attributes: [str("region", region)], status: { code: 1 },
    };
  };
  const spans = [...Array.from({ length: 8 }, () => span(10_000, "ap-south")), ...Array.from({ length: 24 }, () => span(1_800_000, "us-east"))];
  return { resource: { attributes: [str("service.name", windowService)] }, scopeSpans: [{ scope: { name: "e2e" }, spans }] };
}

test.beforeAll(async ({ request }) => {
  // Those who left after checkout came from ap-south; almost everyone who paid did not.
  const dropped = Array.from({ length: 6 }, () => checkout("ap-south", false));
  const wentOn = Array.from({ length: 20 }, (_, i) => checkout(i === 0 ? "ap-south" : "us-east", true));
  const res = await request.post(`${baseUrl()}/v1/traces`, {
    headers: { authorization: `Bearer ${apiKey()}` },
    data: { resourceSpans: [...dropped, ...wentOn, windowBatch()] },
  });
  expect(res.status(), await res.text()).toBe(200);
});

test("a funnel step's drop-off, compared with those who went on, ranks the attribute that sets it apart", async ({ page }) => {
  const params = new URLSearchParams([["step", STEP_1], ["step", STEP_2], ["since", "1h"], ["drop", "0"]]);
  await page.goto(`${baseUrl()}/funnels?${params}`);
  const list = page.getByTestId("drop-off-list");
  await expect(list.getByTestId("drop-off-entity")).toHaveCount(6, { timeout: 30_000 });
  await list.getByTestId("compare-drop-off").click();

  const panel = page.getByTestId("compare-panel");
  await expect(panel.getByText("(6 spans)")).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText("(20 spans)")).toBeVisible();
  await expect(panel.getByTestId("compare-attribute").first()).toHaveAttribute("data-key", "region");
  await expect(panel.getByTestId("compare-note")).toContainText("step 1's spans in 6 traces that dropped off");
  const cmp = new URL(page.url()).searchParams.get("cmp") ?? "";
  expect(cmp).toContain("trace:id =");
  expect(new URL(page.url()).searchParams.get("cmpBase")).toBe(STEP_1);

  // Esc closes the comparison first, then the list.
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(list).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(list).toHaveCount(0);
});

test("a bar of a /metrics chart offers its traces and what is different about its spans", async ({ page }) => {
  const q = `{ resource.service.name = "${service}" }`;
  const params = new URLSearchParams({ q, measure: "count", groupBy: "name", view: "bar", since: "1h" });
  await page.goto(`${baseUrl()}/metrics?${params}`);
  const legend = page.getByTestId("legend-item");
  await expect(legend).toHaveCount(2, { timeout: 30_000 });
  await legend.filter({ hasText: "GET /checkout" }).click();
  const bars = page.locator(".recharts-bar-rectangle");
  await expect(bars).toHaveCount(1);
  await bars.first().click();

  // The click selects the bucket; its traces are one step away, as before.
  const actions = page.getByTestId("bucket-actions");
  await expect(actions).toContainText("GET /checkout");
  await expect(actions.getByTestId("bucket-traces")).toBeFocused();
  await expect(actions.getByTestId("bucket-traces")).toHaveAttribute("href", /^\/traces\?/);
  await page.keyboard.press("Tab");
  await expect(actions.getByTestId("bucket-compare")).toBeFocused();
  await page.keyboard.press("Enter");

  // The series' spans in that bucket against the rest of the chart's spans there.
  const panel = page.getByTestId("compare-panel");
  await expect(panel.getByText("(26 spans)")).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText("(20 spans)")).toBeVisible();
  const url = new URL(page.url());
  expect(url.searchParams.get("cmp")).toBe(`{ resource.service.name = "${service}" && name = "GET /checkout" }`);
  expect(url.searchParams.get("cmpBase")).toBe(q);
  // The baseline reads the chart's whole hour, which starts before the bucket.
  expect(Number(url.searchParams.get("cmpBaseFrom"))).toBeLessThan(Number(url.searchParams.get("cmpFrom")));
  // The baseline ends with the chart, or with the bucket when that ends later (/metrics buckets are aligned
  // to the step, so the newest may reach past now): then cmpBaseTo is left out, meaning the selection's end.
  const baseTo = Number(url.searchParams.get("cmpBaseTo") ?? url.searchParams.get("cmpTo"));
  expect(baseTo).toBeGreaterThanOrEqual(Number(url.searchParams.get("cmpTo")));

  await page.reload();
  await expect(page.getByTestId("compare-panel").getByText("(26 spans)")).toBeVisible({ timeout: 30_000 });
});

test("a bar of an ungrouped chart is compared with the rest of the chart's window", async ({ page }) => {
  const q = `{ resource.service.name = "${windowService}" }`;
  await page.goto(`${baseUrl()}/metrics?${new URLSearchParams({ q, measure: "count", view: "bar", since: "1h" })}`);
  const bars = page.locator(".recharts-bar-rectangle");
  await expect(bars).toHaveCount(2, { timeout: 30_000 });
  // Bars run oldest to newest: the last one is the bucket of the 8 recent spans.
  await bars.last().click();
  await page.getByTestId("bucket-actions").getByTestId("bucket-compare").click();

  const panel = page.getByTestId("compare-panel");
  await expect(panel.getByTestId("compare-selection")).toContainText("(8 spans)", { timeout: 30_000 });
  await expect(panel.getByTestId("compare-baseline")).toContainText("(24 spans)");
  await expect(panel.getByTestId("compare-baseline")).toContainText("without the selected spans");
  await expect(panel.getByTestId("compare-attribute").first()).toHaveAttribute("data-key", "region");
  const url = new URL(page.url());
  expect(url.searchParams.get("cmp")).toBe(q);
  expect(url.searchParams.get("cmpBase")).toBe(q);
  // An absent cmpBaseTo is the selection's end (the newest bucket, aligned to the step, may end after now).
  const [from, to, baseFrom, baseTo] = ["cmpFrom", "cmpTo", "cmpBaseFrom", "cmpBaseTo"]
    .map((k) => Number(url.searchParams.get(k) ?? url.searchParams.get("cmpTo")));
  expect(baseFrom).toBeLessThan(from - 25 * 60_000);
  expect(baseTo).toBeGreaterThanOrEqual(to);

  // The link restores both windows.
  await page.reload();
  await expect(page.getByTestId("compare-baseline")).toContainText("(24 spans)", { timeout: 30_000 });
  await expect(page.getByTestId("compare-selection")).toContainText("(8 spans)");
});

test("a cell of the /metrics table offers What is different? too", async ({ page }) => {
  const q = `{ resource.service.name = "${windowService}" }`;
  await page.goto(`${baseUrl()}/metrics?${new URLSearchParams({ q, measure: "count", view: "table", since: "1h" })}`);
  const table = page.getByTestId("series-table");
  // Newest bucket first; the whole range of an ungrouped chart is every span, so it offers none.
  const compare = table.getByTestId("cell-compare");
  await expect(compare).toHaveCount(2, { timeout: 30_000 });
  await compare.first().focus();
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("compare-panel");
  await expect(panel.getByTestId("compare-selection")).toContainText("(8 spans)", { timeout: 30_000 });
  await expect(panel.getByTestId("compare-baseline")).toContainText("(24 spans)");
});

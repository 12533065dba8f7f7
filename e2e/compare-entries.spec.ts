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

test.beforeAll(async ({ request }) => {
  // Those who left after checkout came from ap-south; almost everyone who paid did not.
  const dropped = Array.from({ length: 6 }, () => checkout("ap-south", false));
  const wentOn = Array.from({ length: 20 }, (_, i) => checkout(i === 0 ? "ap-south" : "us-east", true));
  const res = await request.post(`${baseUrl()}/v1/traces`, {
    headers: { authorization: `Bearer ${apiKey()}` },
    data: { resourceSpans: [...dropped, ...wentOn] },
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

  await page.reload();
  await expect(page.getByTestId("compare-panel").getByText("(26 spans)")).toBeVisible({ timeout: 30_000 });
});

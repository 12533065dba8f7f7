import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { apiKey, baseUrl } from "./env";

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });

// Unique per run: the server is shared with the other specs.
const service = `e2e-compare-${hex(3)}`;
const QUERY = `{ resource.service.name = "${service}" }`;

/** A one-span trace, started a few seconds ago (inside the default 24 h). */
function trace(durationMs: number, region: string) {
  const start = BigInt(Date.now() - 10_000) * 1_000_000n;
  return {
    resource: { attributes: [str("service.name", service)] },
    scopeSpans: [{
      scope: { name: "e2e" },
      spans: [{
        traceId: hex(16), spanId: hex(8), name: "GET /checkout", kind: 2, startTimeUnixNano: String(start),
        endTimeUnixNano: String(start + BigInt(durationMs) * 1_000_000n), attributes: [str("region", region)], status: { code: 1 },
      }],
    }],
  };
}

test.beforeAll(async ({ request }) => {
  // Slow requests come from ap-south; fast ones almost never do.
  const slow = Array.from({ length: 6 }, () => trace(800, "ap-south"));
  const fast = Array.from({ length: 20 }, (_, i) => trace(30, i === 0 ? "ap-south" : "us-east"));
  const res = await request.post(`${baseUrl()}/v1/traces`, {
    headers: { authorization: `Bearer ${apiKey()}` },
    data: { resourceSpans: [...slow, ...fast] },
  });
  expect(res.status(), await res.text()).toBe(200);
});

test("a histogram bar, compared with the rest, ranks the attribute that sets it apart; a value opens its traces", async ({ page }) => {
  await page.goto(`${baseUrl()}/traces?q=${encodeURIComponent(QUERY)}`);
  const histogram = page.getByTestId("duration-histogram");
  await histogram.getByRole("button", { name: "Show as table" }).click();
  // The slowest bar: the 800 ms traces.
  await histogram.getByRole("button", { name: "Only these" }).last().click();
  await histogram.getByTestId("compare-durations").click();

  const panel = page.getByTestId("compare-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByText("(6 spans)")).toBeVisible({ timeout: 30_000 });
  const first = panel.getByTestId("compare-attribute").first();
  await expect(first).toHaveAttribute("data-key", "region");
  // The link restores the comparison.
  expect(new URL(page.url()).searchParams.get("cmp")).toContain("trace:duration");

  await first.getByRole("link", { name: '"ap-south"' }).click();
  await expect(page).toHaveURL(/span\.region/);
  expect(new URL(page.url()).searchParams.get("q")).toContain('span.region = "ap-south"');
  await expect(page.getByTestId("result-row")).toHaveCount(6, { timeout: 30_000 });
  await expect(page.getByTestId("compare-panel")).toHaveCount(0);
});

test("a region dragged on the /metrics duration heatmap opens the comparison, and the link restores it", async ({ page }) => {
  await page.goto(`${baseUrl()}/metrics?view=heatmap&q=${encodeURIComponent(QUERY)}`);
  const cells = page.getByTestId("heatmap-cells");
  await expect(cells).toBeVisible({ timeout: 30_000 });
  const [, bands, cols] = /in (\d+) duration bands over (\d+) buckets/.exec((await cells.getAttribute("aria-label")) ?? "")!.map(Number);
  const box = (await cells.boundingBox())!;
  // The newest bucket, from the slowest band down one: the 800 ms spans and nothing faster than 200 ms.
  const x = box.x + (box.width * (cols - 0.5)) / cols;
  const row = box.height / bands;
  await page.mouse.move(x, box.y + row * 0.5);
  await page.mouse.down();
  await page.mouse.move(x, box.y + row * 1.5, { steps: 4 });
  await page.mouse.up();

  const panel = page.getByTestId("compare-panel");
  await expect(panel.getByText("(6 spans)")).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByTestId("compare-attribute").first()).toHaveAttribute("data-key", "region");
  const link = page.url();
  expect(new URL(link).searchParams.get("cmp")).toContain("duration >=");
  // The region against the rest of the chart's whole window (24 h), not of its own buckets only.
  const [from, baseFrom] = ["cmpFrom", "cmpBaseFrom"].map((k) => Number(new URL(link).searchParams.get(k)));
  expect(baseFrom).toBeGreaterThan(0);
  expect(from - baseFrom).toBeGreaterThan(20 * 3_600_000);
  await expect(panel.getByTestId("compare-baseline")).toContainText("without the selected spans");

  await page.goto(link);
  await expect(page.getByTestId("compare-panel").getByTestId("compare-attribute").first()).toHaveAttribute("data-key", "region", { timeout: 30_000 });
});

test("a click on one heatmap cell still opens its traces", async ({ page }) => {
  await page.goto(`${baseUrl()}/metrics?view=heatmap&q=${encodeURIComponent(QUERY)}`);
  const cells = page.getByTestId("heatmap-cells");
  await expect(cells).toBeVisible({ timeout: 30_000 });
  const [, bands, cols] = /in (\d+) duration bands over (\d+) buckets/.exec((await cells.getAttribute("aria-label")) ?? "")!.map(Number);
  const box = (await cells.boundingBox())!;
  await page.mouse.click(box.x + (box.width * (cols - 0.5)) / cols, box.y + (box.height / bands) * 0.5);
  await expect(page).toHaveURL(/\/traces\?/);
  await expect(page.getByTestId("result-row")).toHaveCount(6, { timeout: 30_000 });
});

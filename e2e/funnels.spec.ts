import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { apiKey, baseUrl } from "./env";

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const ns = (seconds: number) => (BigInt(seconds) * 1_000_000_000n).toString();

const run = hex(3);
const service = `e2e-shop-${run}`;
const STAGES = ["view", "cart", "checkout", "purchase"] as const;
/** How far each user gets: 6 view, 4 reach cart, 3 checkout, 2 purchase. */
const JOURNEYS = [4, 4, 3, 2, 1, 1];
const user = (i: number) => `u-${run}-${i}`;

/** Each step is its own trace (as in the demo shop), joined only by user.id. */
function journeySpans() {
  const base = Math.floor(Date.now() / 1000) - 3 * 3600;
  return JOURNEYS.flatMap((reach, i) =>
    STAGES.slice(0, reach).map((stage, k) => {
      const at = base + i * 600 + k * 60;
      return {
        traceId: hex(16), spanId: hex(8), name: `${stage} page`, kind: 2,
        startTimeUnixNano: ns(at), endTimeUnixNano: ns(at + 1),
        attributes: [str("funnel.stage", stage), str("user.id", user(i)), str("customer.tier", i < 2 ? "enterprise" : "free")],
        status: { code: 1 },
      };
    }),
  );
}

test.beforeAll(async ({ request }) => {
  const res = await request.post(`${baseUrl()}/v1/traces`, {
    headers: { authorization: `Bearer ${apiKey()}` },
    data: { resourceSpans: [{ resource: { attributes: [str("service.name", service)] }, scopeSpans: [{ scope: { name: "e2e" }, spans: journeySpans() }] }] },
  });
  expect(res.status(), await res.text()).toBe(200);
});

const stepQuery = (stage: string) => `{ resource.service.name = "${service}" && span.funnel.stage = "${stage}" }`;

test("builds a 4-step funnel by user.id, reads its counts, lists who dropped off, and shares it", async ({ page }) => {
  await page.goto(`${baseUrl()}/funnels`);
  await expect(page.getByRole("heading", { name: "Build a funnel" })).toBeVisible();

  await page.getByTestId("funnel-step-0").locator(".cm-content").fill(stepQuery("view"));
  await page.getByTestId("funnel-step-1").locator(".cm-content").fill(stepQuery("cart"));
  await page.getByTestId("add-step").click();
  await page.getByTestId("funnel-step-2").locator(".cm-content").fill(stepQuery("checkout"));
  await page.getByTestId("add-step").click();
  await page.getByTestId("funnel-step-3").locator(".cm-content").fill(stepQuery("purchase"));
  await page.getByTestId("funnel-by").fill("span.user.id");
  await page.getByTestId("run-funnel").click();

  await expect(page.getByTestId("step-count")).toHaveText(["6", "4", "3", "2"]);
  await expect(page.getByTestId("funnel-summary")).toContainText("6 span.user.id entered");
  const rows = page.getByTestId("funnel-row");
  await expect(rows.nth(1)).toContainText("66.7%");
  await expect(rows.nth(3)).toContainText("33.3%");
  await expect(page).toHaveURL(/by=span\.user\.id/);

  // Who reached cart and never checked out: user 3 only.
  await rows.nth(1).getByTestId("drop-off").click();
  const dropped = page.getByTestId("drop-off-entity");
  await expect(dropped).toHaveCount(1);
  await expect(dropped).toContainText(user(3));
  await expect(dropped.getByRole("link")).toHaveAttribute("href", /^\/traces\/[0-9a-f]{32}$/);

  // Break down by tier (Enter runs it): enterprise users all purchased.
  await page.getByTestId("funnel-breakdown").fill("span.customer.tier");
  await page.getByTestId("funnel-breakdown").press("Enter");
  await expect(page.getByTestId("breakdown-chart")).toContainText("enterprise");

  // Save, then open the shared link in a fresh page.
  await page.getByTestId("save-funnel").click();
  await page.getByTestId("funnel-name").fill(`Checkout ${run}`);
  await page.getByTestId("funnel-author").fill("E2E");
  await page.getByRole("dialog").getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/funnel=[^&]+/);
  const id = new URL(page.url()).searchParams.get("funnel");
  await page.goto(`${baseUrl()}/funnels?funnel=${id}`);
  await expect(page.locator("header").first()).toContainText(`Checkout ${run}`);
  await expect(page.getByTestId("step-count")).toHaveText(["6", "4", "3", "2"]);
});

test("points at the step whose TraceQL the server refused", async ({ page }) => {
  const params = new URLSearchParams();
  params.append("step", stepQuery("view"));
  params.append("step", "{ span.funnel.stage = }");
  await page.goto(`${baseUrl()}/funnels?${params}`);
  const step = page.getByTestId("funnel-step-1");
  await expect(step).toHaveAttribute("data-invalid", "true");
  await expect(page.getByTestId("query-problem")).toContainText("column");
});

test("a funnel nothing entered says why and links to step 1's traces", async ({ page }) => {
  const params = new URLSearchParams({ by: "span.user.id" });
  params.append("step", stepQuery("no-such-stage"));
  params.append("step", stepQuery("cart"));
  await page.goto(`${baseUrl()}/funnels?${params}`);
  const empty = page.getByTestId("empty-state");
  await expect(empty).toContainText("Nothing entered the funnel");
  await expect(empty).toContainText("span.user.id");
  await expect(empty.getByTestId("funnel-empty-step")).toHaveAttribute("href", /\/traces\?/);
});

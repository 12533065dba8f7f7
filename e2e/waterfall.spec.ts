import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { sendDemoData } from "../scripts/demo/generate";
import { apiKey, baseUrl } from "./env";

interface Listed { traceId: string; rootName: string; spanCount: number }

let demo: Listed;
let big: Listed;
/** A hand-made trace with known names and attributes, for the checks that need them. */
const shop: Listed = { traceId: randomBytes(16).toString("hex"), rootName: "POST /checkout/confirm", spanCount: 7 };
const shopIds = Object.fromEntries(["root", "purchase", "validation", "transformation", "payment", "charge", "receipt"].map((k) => [k, randomBytes(8).toString("hex")]));

const str = (key: string, v: string) => ({ key, value: { stringValue: v } });
const dbl = (key: string, v: number) => ({ key, value: { doubleValue: v } });

function shopTrace() {
  const t0 = BigInt(Date.now() - 60_000) * 1_000_000n;
  const at = (ms: number) => String(t0 + BigInt(ms) * 1_000_000n);
  const span = (id: string, parent: string | null, name: string, from: number, to: number, attributes: unknown[] = [], extra: object = {}) => ({
    traceId: shop.traceId, spanId: shopIds[id], parentSpanId: parent ? shopIds[parent] : undefined, name, kind: 1,
    startTimeUnixNano: at(from), endTimeUnixNano: at(to), attributes, status: { code: 0 }, ...extra,
  });
  const resource = (service: string) => ({ attributes: [str("service.name", service), str("deployment.environment.name", "e2e")] });
  return [
    { resource: resource("e2e-shop"), scopeSpans: [{ scope: { name: "e2e" }, spans: [
      span("root", null, "POST /checkout/confirm", 0, 200, [dbl("business.revenue_impact", 129.99), str("business.currency", "USD"), str("customer.tier", "enterprise"), str("funnel.stage", "purchase"), str("http.route", "/checkout/confirm")]),
      span("purchase", "root", "ecommerce_purchase", 10, 180, [dbl("purchase.total_value", 129.99)]),
      span("validation", "purchase", "purchase.validation", 12, 20, [str("purchase.stage", "validation")]),
      span("transformation", "purchase", "purchase.transformation", 20, 30, [str("purchase.stage", "transformation")]),
      span("payment", "purchase", "purchase.payment", 30, 170, [str("purchase.stage", "payment")]),
      span("receipt", "root", "send receipt", 182, 195),
    ] }] },
    { resource: resource("e2e-pay"), scopeSpans: [{ scope: { name: "e2e" }, spans: [
      span("charge", "payment", "POST /v1/payments", 35, 165, [str("payment.provider", "stripe")], {
        status: { code: 2, message: "card declined" },
        events: [{ name: "exception", timeUnixNano: at(160), attributes: [str("exception.type", "CardDeclinedError"), str("exception.message", "card declined")] }],
      }),
    ] }] },
  ];
}

test.beforeAll(async ({ request }, testInfo) => {
  testInfo.setTimeout(240_000);
  await sendDemoData({ baseUrl: baseUrl(), apiKey: apiKey(), traces: 30, bigTraceSpans: [500, 50000], noveumTraces: 2, seed: 3 });
  const sent = await request.post(`${baseUrl()}/v1/traces`, { headers: { authorization: `Bearer ${apiKey()}` }, data: { resourceSpans: shopTrace() } });
  expect(sent.status(), await sent.text()).toBe(200);
  const res = await request.get(`${baseUrl()}/api/v1/traces?limit=100&since=2d&sort=spans&order=desc`, { headers: { authorization: `Bearer ${apiKey()}` } });
  expect(res.status(), await res.text()).toBe(200);
  const traces = ((await res.json()) as { traces: Listed[] }).traces.filter((t) => t.traceId !== shop.traceId);
  big = traces.reduce((a, b) => (b.spanCount > a.spanCount ? b : a));
  // The richest ordinary demo trace (the batch jobs have hundreds of spans or more).
  demo = traces.filter((t) => t.spanCount < 400).reduce((a, b) => (b.spanCount > a.spanCount ? b : a));
});

async function openTrace(page: Page, t: Listed, query = "") {
  await page.goto(`${baseUrl()}/traces/${t.traceId}${query}`);
  await expect(page.getByTestId("waterfall-rows")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
}

const row = (page: Page, name: string) => page.getByTestId("span-row").filter({ has: page.getByRole("button", { name, exact: true }) });

test("opens a demo trace with its header, rows, time axis and critical path", async ({ page }) => {
  await openTrace(page, demo);
  await expect(page.getByTestId("trace-span-count")).toContainText(String(demo.spanCount));
  await expect(page.getByTestId("span-row").first()).toContainText(demo.rootName);
  // Virtualised: the rows in view, at most the whole (small) trace.
  const shown = await page.getByTestId("span-row").count();
  expect(shown).toBeGreaterThanOrEqual(Math.min(demo.spanCount, 10));
  expect(shown).toBeLessThanOrEqual(demo.spanCount);
  await expect(page.getByTestId("time-axis")).toContainText(/\d/);
  await expect(page.getByTestId("minimap")).toBeVisible();
  // The critical path is on by default and can be turned off (and the link says so).
  expect(await page.locator("[data-critical]").count()).toBeGreaterThan(0);
  await page.getByLabel(/Critical path/).uncheck();
  await expect(page.locator("[data-critical]")).toHaveCount(0);
  await expect(page).toHaveURL(/cp=false/);
});

test("the keys work at once, and ? lists the waterfall's own", async ({ page }) => {
  await openTrace(page, demo);
  const list = page.getByTestId("waterfall-rows");
  await expect(list).toBeFocused();
  const before = await list.getAttribute("aria-activedescendant");
  await page.keyboard.press("ArrowDown");
  await expect(list).not.toHaveAttribute("aria-activedescendant", before ?? "");
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Next span with an error");
  await expect(help).toContainText("Next or previous search match");
  await expect(help).toContainText("Space");
  // A trace's page has no query editor.
  await expect(help.getByRole("heading", { name: "In a query editor" })).toHaveCount(0);
});

test("zooms by dragging on the axis and resets", async ({ page }) => {
  await openTrace(page, demo);
  const axis = page.getByTestId("time-axis");
  const box = (await axis.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/[?&]from=[\d.]+/);
  await expect(page).toHaveURL(/[?&]to=[\d.]+/);
  await expect(page.getByTestId("zoom-range")).toBeVisible();
  await expect(page.getByTestId("minimap-window")).toBeVisible();
  await page.getByRole("button", { name: "Reset zoom" }).click();
  await expect(page.getByTestId("zoom-range")).toBeHidden();
});

test("collapses and expands the demo trace, by click, by depth and by keyboard", async ({ page }) => {
  await openTrace(page, demo);
  const root = page.getByTestId("span-row").first();
  const all = await page.getByTestId("span-row").count();
  await root.getByRole("button", { name: "Collapse" }).click();
  await expect(page.getByTestId("span-row")).toHaveCount(1);
  await expect(root).toHaveAttribute("aria-expanded", "false");
  await expect(page).toHaveURL(/flip=/);
  await root.getByRole("button", { name: "Expand" }).click();
  await expect(page.getByTestId("span-row")).toHaveCount(all);

  await page.getByLabel("Collapse to depth").selectOption("1");
  await expect(page.getByTestId("span-row")).toHaveCount(1);
  await page.getByRole("button", { name: "Expand all" }).click();
  await expect(page.getByTestId("span-row")).toHaveCount(all);

  // Keyboard: the list is one tab stop; left collapses the focused root, right opens it again.
  await page.getByTestId("waterfall-rows").focus();
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("span-row")).toHaveCount(1);
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("span-row")).toHaveCount(all);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("span-detail")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("span-detail")).toBeHidden();
});

test("collapsing a span hides its subtree only", async ({ page }) => {
  await openTrace(page, shop);
  const purchase = row(page, "ecommerce_purchase");
  await purchase.getByRole("button", { name: "Collapse" }).click();
  await expect(row(page, "purchase.validation")).toHaveCount(0);
  await expect(row(page, "send receipt")).toBeVisible();
  await expect(page.getByTestId("span-row")).toHaveCount(3);
  await purchase.getByRole("button", { name: "Expand" }).click();
  await expect(page.getByTestId("span-row")).toHaveCount(shop.spanCount);
});

test("searches by name and by attribute, counts and steps through matches, and filters", async ({ page }) => {
  await openTrace(page, shop);
  await page.keyboard.press("/");
  await expect(page.getByTestId("trace-search")).toBeFocused();
  await page.keyboard.type("purchase.");
  await expect(page.getByTestId("match-count")).toHaveText(/^3 matches/);
  await expect(page.locator("[data-match]")).toHaveCount(3);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("match-count")).toHaveText(/^1 \/ 3 matches/);
  // The current match stands out from the other two, though the search box keeps the focus.
  await expect(page.locator("[data-current-match]")).toHaveCount(1);

  // key=value looks in attribute values on the server.
  await page.getByTestId("trace-search").fill("purchase.stage=payment");
  await expect(page.getByTestId("match-count")).toHaveText(/^1 match/);
  await expect(page.locator("[data-match]")).toContainText("purchase.payment");
  await page.getByLabel("Only matches").check();
  // The match and its ancestors only: root, ecommerce_purchase, purchase.payment.
  await expect(page.getByTestId("span-row")).toHaveCount(3);
  await expect(page.getByTestId("span-row").last()).toContainText("purchase.payment");
  await expect(page).toHaveURL(/only=true/);

  // Free text finds attribute values too.
  await page.getByTestId("trace-search").fill("stripe");
  await expect(page.getByTestId("match-count")).toHaveText(/^1 match/);
});

test("selects a span, reads its grouped attributes and events, and keeps it in the URL", async ({ page }) => {
  await openTrace(page, shop);
  await row(page, "POST /checkout/confirm").getByRole("button", { name: "POST /checkout/confirm" }).click();
  const detail = page.getByTestId("span-detail");
  const attrs = detail.getByTestId("span-attributes");
  await expect(attrs).toContainText("business.revenue_impact");
  await expect(attrs).toContainText("$129.99");
  // Business attributes come first, then customer and funnel.
  await expect(attrs.locator("h4")).toHaveText(["business.*", "customer.*", "funnel.*", "http.*"]);
  await expect(detail.getByTestId("span-timing")).toContainText("Self time");
  const tier = attrs.getByTestId("attribute").filter({ hasText: "customer.tier" }).getByRole("link");
  await expect(tier).toHaveAttribute("href", `/traces?q=${encodeURIComponent('{ span.customer.tier = "enterprise" }')}`);
  await expect(detail.getByTestId("span-resource")).toContainText('"e2e-shop"');
  await expect(page).toHaveURL(new RegExp(`span=${shopIds.root}`));

  // "Next error" selects the failed charge, with its exception event.
  await page.getByRole("button", { name: /Next error/ }).click();
  await expect(page).toHaveURL(new RegExp(`span=${shopIds.charge}`));
  await expect(detail).toContainText("card declined");
  await expect(detail.getByTestId("span-events")).toContainText("CardDeclinedError");
  await expect(row(page, "POST /v1/payments").getByTestId("event-marker")).toHaveCount(1);

  const url = page.url();
  await page.goto("about:blank");
  await page.goto(url);
  await expect(page.getByTestId("span-detail")).toContainText("POST /v1/payments");
  await expect(row(page, "POST /v1/payments")).toHaveAttribute("aria-selected", "true");
});

test("opens the 50,000-span trace and scrolls to its last span", async ({ page }) => {
  test.setTimeout(90_000);
  expect(big.spanCount).toBe(50_000);
  await openTrace(page, big);
  await expect(page.getByTestId("trace-span-count")).toContainText("50k");
  // Virtualised: a screenful of rows in the DOM, not fifty thousand.
  expect(await page.getByTestId("span-row").count()).toBeLessThan(120);
  await page.getByTestId("waterfall-rows").focus();
  await page.keyboard.press("End");
  const last = page.locator(`#wf-row-${big.spanCount - 1}`);
  await expect(last).toBeVisible();
  await expect(last).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("span-detail")).toBeVisible();
  await expect(page.getByTestId("span-detail").getByTestId("span-attributes")).toBeVisible();
  // The critical path and statistics of a trace this big follow the rows from the worker.
  await expect(page.locator("[data-analysis=ready]")).toHaveCount(1);
  await expect(page.locator("label").filter({ hasText: "Critical path" })).toContainText(/Critical path\s*[\d.,]+k?/);
  await page.getByRole("button", { name: "Statistics", exact: true }).click();
  await expect(page.getByTestId("trace-stats").locator("tbody tr").first()).toBeVisible();
  await expect(page.getByTestId("trace-stats")).toContainText("Self share");
});

/** The deepest span that starts last in the big trace: its row is near the end of the list. */
async function deepLateSpan(request: APIRequestContext, traceId: string) {
  const res = await request.get(`${baseUrl()}/api/v1/traces/${traceId}/waterfall`, { headers: { authorization: `Bearer ${apiKey()}` } });
  expect(res.status(), await res.text()).toBe(200);
  const t = (await res.json()) as { spanId: string[]; parentSpanId: (string | null)[]; startOffsetNs: number[]; durationNs: number[] };
  const index = new Map(t.spanId.map((id, i) => [id, i]));
  const depth = new Int32Array(t.spanId.length).fill(-1);
  const depthOf = (i: number): number => {
    if (depth[i] < 0) {
      const parent = t.parentSpanId[i] === null ? undefined : index.get(t.parentSpanId[i]!);
      depth[i] = parent === undefined ? 0 : depthOf(parent) + 1;
    }
    return depth[i];
  };
  let best = 0;
  for (let i = 0; i < t.spanId.length; i++) {
    const [d, b] = [depthOf(i), depthOf(best)];
    if (d > b || (d === b && t.startOffsetNs[i] > t.startOffsetNs[best])) best = i;
  }
  const endMs = Math.max(...t.durationNs.map((d, i) => t.startOffsetNs[i] + d)) / 1e6;
  return { spanId: t.spanId[best], depth: depthOf(best), endMs };
}

test("downloads a trace's columns once, and prefetches other pages only on intent", async ({ page }) => {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  await openTrace(page, big);
  // The page's head preloads the columns; the fetch that feeds the worker must reuse that
  // response, not download the whole trace a second time.
  expect(urls.filter((u) => new URL(u).pathname.endsWith("/waterfall"))).toHaveLength(1);
  // No other page is rendered on the server while this one loads...
  expect(urls.filter((u) => u.includes("_rsc="))).toEqual([]);
  // ...until a link shows intent.
  const prefetch = page.waitForRequest((r) => r.url().includes("_rsc=") && new URL(r.url()).pathname === "/metrics");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Metrics" }).hover();
  await prefetch;
});

test("builds the waterfall on the main thread when its worker cannot start", async ({ page }) => {
  // The worker's script never arrives (a proxy or a content policy can do this).
  await page.route(/turbopack-worker/, (route) => route.abort());
  await openTrace(page, demo);
  await expect(page.getByTestId("span-row").first()).toContainText(demo.rootName);
  expect(await page.locator("[data-critical]").count()).toBeGreaterThan(0);
});

test("a ?span= link into the 50,000-span trace shows the selected row, collapsed and zoomed too", async ({ page, request }) => {
  test.setTimeout(120_000);
  const target = await deepLateSpan(request, big.traceId);
  expect(target.depth).toBeGreaterThanOrEqual(4);
  const selected = page.locator('[role="treeitem"][aria-selected="true"]');
  // As shared, then with the tree collapsed above the span and the view zoomed to the trace's start.
  for (const extra of ["", `&depth=1&from=0&to=${(target.endMs / 10).toFixed(3)}`]) {
    await openTrace(page, big, `?span=${target.spanId}${extra}`);
    await expect(page.getByTestId("span-detail")).toBeVisible();
    await expect(selected).toBeInViewport();
    await expect(selected).toHaveAttribute("aria-level", String(target.depth + 1));
    // Far down the list, not the first screenful.
    expect(Number(await selected.getAttribute("data-pos"))).toBeGreaterThan(40_000);
  }
  // Collapsed ancestors were opened (the link keeps the toggles), and the zoom stayed.
  await expect(page).toHaveURL(/[?&]flip=/);
  await expect(page.getByTestId("zoom-range")).toBeVisible();
});

import { randomBytes } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { adminRequest, apiKey, baseUrl } from "./env";

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const run = hex(3);
// Unique per run: the server is shared with the other specs.
const service = `e2e-boardcmp-${run}`;
const SEARCH = `{ resource.service.name = "${service}" && name = "GET /search" }`;
const CHARGE = `{ resource.service.name = "${service}" && name = "charge card" }`;

/**
 * Searches in their own traces: 8 prod ones from ap-south a few seconds ago (none went on
 * to pay), 4 staging ones there too (the board's variable leaves them out), and 24 prod
 * ones from us-east half an hour ago, each followed by a "charge card".
 */
function search(agoMs: number, region: string, env: string, paid: boolean) {
  const traceId = hex(16);
  const span = (name: string, start: bigint) => ({
    traceId, spanId: hex(8), name, kind: 2, startTimeUnixNano: String(start), endTimeUnixNano: String(start + 20_000_000n),
    attributes: [str("region", region), str("env", env)], status: { code: 1 },
  });
  const start = BigInt(Date.now() - agoMs) * 1_000_000n;
  return [span("GET /search", start), ...(paid ? [span("charge card", start + 50_000_000n)] : [])];
}

test.beforeAll(async ({ request }) => {
  const spans = [
    ...Array.from({ length: 8 }, () => search(10_000, "ap-south", "prod", false)),
    ...Array.from({ length: 4 }, () => search(10_000, "ap-south", "staging", false)),
    ...Array.from({ length: 24 }, () => search(1_800_000, "us-east", "prod", true)),
  ].flat();
  const res = await request.post(`${baseUrl()}/v1/traces`, {
    headers: { authorization: `Bearer ${apiKey()}` },
    data: { resourceSpans: [{ resource: { attributes: [str("service.name", service)] }, scopeSpans: [{ scope: { name: "e2e" }, spans }] }] },
  });
  expect(res.status(), await res.text()).toBe(200);
});

/** A board of the searches as bars, as a table and as a funnel, showing prod only; and a snapshot of it. */
async function makeBoard() {
  const admin = await adminRequest();
  const made = await admin.post(`${baseUrl()}/api/v1/boards`, {
    data: {
      name: `Compare board ${run}`, timeRange: { since: "1h" }, variables: [{ key: "span.env", values: ["prod"] }],
      panels: [
        { id: "bars", kind: "metrics", title: "Searches", query: { q: SEARCH, measure: "count", view: "bar" }, layout: { x: 0, y: 0, w: 6, h: 8 } },
        { id: "table", kind: "metrics", title: "Searches table", query: { q: SEARCH, measure: "count", view: "table" }, layout: { x: 6, y: 0, w: 6, h: 8 } },
        { id: "funnel", kind: "funnel", title: "Search to pay", query: { steps: [SEARCH, CHARGE], by: "trace", window: "1h" }, layout: { x: 0, y: 8, w: 12, h: 8 } },
      ],
    },
  });
  expect(made.status(), await made.text()).toBe(201);
  const board = (await made.json()) as { id: string };
  const snap = await admin.post(`${baseUrl()}/api/v1/boards/${board.id}/snapshots`, { data: {} });
  expect(snap.status(), await snap.text()).toBe(201);
  const { url } = (await snap.json()) as { url: string };
  await admin.dispose();
  return { id: board.id, snapshot: url };
}

/** A teammate with the viewer role, signed in in a browser of their own. */
async function viewer(browser: Browser) {
  const admin = await adminRequest();
  const invite = await admin.post(`${baseUrl()}/api/v1/projects/default/invites`, { data: { role: "viewer" } });
  expect(invite.status(), await invite.text()).toBe(201);
  const token = ((await invite.json()) as { url: string }).url.split("/invite/")[1];
  await admin.dispose();
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const person = { email: `boardcmp-viewer-${run}@team.test`, password: "a viewer's long password" };
  const signUp = await context.request.post(`${baseUrl()}/api/invites/sign-up`, { headers: { origin: baseUrl() }, data: { token, name: "Viewer", ...person } });
  expect(signUp.status(), await signUp.text()).toBe(201);
  const signIn = await context.request.post(`${baseUrl()}/api/auth/sign-in/email`, { headers: { origin: baseUrl() }, data: person });
  expect(signIn.status()).toBe(200);
  return context;
}

test("a viewer clicks a board chart's bar and a table cell, and sees what is different, with the board's variable applied", async ({ browser }) => {
  test.setTimeout(180_000);
  const board = await makeBoard();
  const context = await viewer(browser);
  const page = await context.newPage();
  await page.goto(`${baseUrl()}/boards/${board.id}?project=default`);
  const bars = page.locator('[data-testid=board-panel][aria-label="Searches"] .recharts-bar-rectangle');
  await expect(bars).toHaveCount(2, { timeout: 30_000 });
  // Bars run oldest to newest: the last is the bucket of the recent ap-south searches.
  await bars.last().click();
  const actions = page.getByTestId("bucket-actions");
  await expect(actions.getByTestId("bucket-traces")).toBeFocused();
  await actions.getByTestId("bucket-compare").click();

  // Prod only: 8 searches in the bucket, not the 12 without the variable; the rest of the hour is 24.
  const panel = page.getByTestId("compare-panel");
  await expect(panel.getByTestId("compare-selection")).toContainText("(8 spans)", { timeout: 30_000 });
  await expect(panel.getByTestId("compare-baseline")).toContainText("(24 spans)");
  await expect(panel.getByTestId("compare-attribute").first()).toHaveAttribute("data-key", "region");
  const url = new URL(page.url());
  expect(url.pathname).toBe(`/boards/${board.id}`);
  expect(url.searchParams.get("cmp")).toBe(`{ resource.service.name = "${service}" && name = "GET /search" && span.env = "prod" }`);
  expect(Number(url.searchParams.get("cmpBaseFrom"))).toBeLessThan(Number(url.searchParams.get("cmpFrom")) - 25 * 60_000);

  // The link restores it; Esc closes it.
  await page.reload();
  await expect(page.getByTestId("compare-selection")).toContainText("(8 spans)", { timeout: 30_000 });
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("compare-panel")).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get("cmp")).toBeNull();

  // A table cell offers the same: the newest bucket first.
  const cells = page.locator('[data-testid=board-panel][aria-label="Searches table"]').getByTestId("cell-compare");
  await expect(cells).toHaveCount(2, { timeout: 30_000 });
  await cells.first().click();
  await expect(page.getByTestId("compare-selection")).toContainText("(8 spans)", { timeout: 30_000 });
  await expect(page.getByTestId("compare-baseline")).toContainText("(24 spans)");
  await page.keyboard.press("Escape");

  // The funnel's drop-off opens on /funnels, where who left is listed and compared.
  const funnel = page.locator('[data-testid=board-panel][aria-label="Search to pay"]');
  await expect(funnel.getByTestId("funnel-panel")).toContainText("32 traces entered", { timeout: 30_000 });
  await funnel.locator(".recharts-bar").last().locator(".recharts-bar-rectangle").last().click();
  await expect(page).toHaveURL(/\/funnels\?.*drop=0/);
  const list = page.getByTestId("drop-off-list");
  await expect(list.getByTestId("drop-off-entity")).toHaveCount(8, { timeout: 30_000 });
  await list.getByTestId("compare-drop-off").click();
  await expect(page.getByTestId("compare-panel").getByTestId("compare-attribute").first()).toHaveAttribute("data-key", "region", { timeout: 30_000 });
  await context.close();

  // A snapshot offers no comparison (its data is frozen; its reader may be signed out), even from a link that names one.
  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const snap = await stranger.newPage();
  const errors: string[] = [];
  snap.on("pageerror", (e) => errors.push(e.message));
  const link = new URL(board.snapshot);
  for (const [k, v] of Object.entries({ cmp: SEARCH, cmpFrom: "0", cmpTo: String(Date.now()) })) link.searchParams.set(k, v);
  await snap.goto(link.toString());
  await expect(snap.locator('[data-testid=board-panel][aria-label="Searches"] .recharts-bar-rectangle')).toHaveCount(2);
  await expect(snap.getByTestId("cell-compare")).toHaveCount(0);
  await expect(snap.getByTestId("compare-panel")).toHaveCount(0);
  expect(errors).toEqual([]);
  await stranger.close();
});

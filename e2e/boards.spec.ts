import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { adminRequest, apiKey, baseUrl } from "./env";

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const run = hex(3);
const service = `e2e-board-${run}`;
const BOARD = `E2E board ${run}`;
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });

/** Requests of three tiers with revenue, a minute ago. */
test.beforeAll(async ({ request }) => {
  const at = BigInt(Date.now() - 60_000) * 1_000_000n;
  const spans = [["enterprise", 900, 3], ["enterprise", 1100, 2], ["free", 0, 5], ["pro", 300, 4]].flatMap(([tier, revenue, n]) =>
    Array.from({ length: n as number }, () => ({
      traceId: hex(16), spanId: hex(8), name: "POST /checkout", kind: 2,
      startTimeUnixNano: String(at), endTimeUnixNano: String(at + 50_000_000n),
      attributes: [str("customer.tier", tier as string), { key: "business.revenue_impact", value: { doubleValue: revenue } }],
    })),
  );
  const res = await request.post(`${baseUrl()}/v1/traces`, {
    headers: { authorization: `Bearer ${apiKey()}` },
    data: { resourceSpans: [{ resource: { attributes: [str("service.name", service)] }, scopeSpans: [{ spans }] }] },
  });
  expect(res.status(), await res.text()).toBe(200);
});

const q = `{ resource.service.name = "${service}" }`;

async function addToBoard(page: Page, opts: { newBoard?: boolean; asNumber?: boolean }) {
  await page.getByTestId("add-to-board").click();
  const dialog = page.getByRole("dialog", { name: "Add to board" });
  if (opts.asNumber) await dialog.getByTestId("as-number").check();
  if (opts.newBoard) await dialog.getByTestId("new-board-name").fill(BOARD);
  else await dialog.getByTestId("board-choice").selectOption({ label: BOARD });
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  await expect(dialog.getByText(`Added to “${BOARD}”`)).toBeVisible();
  return dialog;
}

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("builds a board from three explorer pages, arranges it, sets a variable, and a viewer opens its short link to the same view", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // 1. Revenue by tier, from /metrics, on a new board.
  await page.goto(`${baseUrl()}/metrics?${new URLSearchParams({ q, measure: "sum(span.business.revenue_impact)", groupBy: "span.customer.tier", view: "totals", since: "1h" })}`);
  await expect(page.getByTestId("run-query")).toBeEnabled();
  await addToBoard(page, { newBoard: true });
  // 2. The request count as one number, from /metrics.
  await page.goto(`${baseUrl()}/metrics?${new URLSearchParams({ q, measure: "count", since: "1h" })}`);
  await addToBoard(page, { asNumber: true });
  // 3. The tier scorecard, from /tiers.
  await page.goto(`${baseUrl()}/tiers?since=1h`);
  const dialog = await addToBoard(page, {});
  await dialog.getByTestId("open-board").click();

  await expect(page.getByRole("heading", { name: BOARD })).toBeVisible();
  const panels = page.getByTestId("board-panel");
  await expect(panels).toHaveCount(3);
  await expect(page.getByTestId("number-value")).toHaveText("14");

  // Arrange: move the number panel to the right of the chart; the layout is saved.
  await page.getByTestId("edit-board").click();
  const numberPanel = page.locator('[data-testid=board-panel][data-kind=number]');
  const before = (await numberPanel.boundingBox())!;
  const handle = numberPanel.locator(".panel-drag");
  const grid = (await page.getByTestId("board-grid").boundingBox())!;
  const from = (await handle.boundingBox())!;
  await page.mouse.move(from.x + 30, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(grid.x + grid.width * 0.8, from.y + from.height / 2 - before.y + grid.y + 10, { steps: 12 });
  await page.mouse.up();
  await page.getByTestId("done-editing").click();
  await expect.poll(async () => (await numberPanel.boundingBox())!.x).toBeGreaterThan(before.x + 100);
  await expect(page.getByText("Saving…")).toHaveCount(0);

  // A variable: only enterprise requests.
  await page.getByRole("button", { name: "+ Add variable" }).click();
  await page.getByTestId("new-variable").fill("span.customer.tier");
  await page.getByTestId("new-variable").press("Enter");
  const variable = page.getByTestId("board-variable");
  await variable.getByRole("combobox").selectOption("enterprise");
  await expect(page).toHaveURL(/var=span\.customer\.tier(=|%3D)enterprise/);
  await expect(page.getByTestId("number-value")).toHaveText("5");
  // Exports: the number's figures as CSV, the panel as drawn as PNG.
  const csvDownload = page.waitForEvent("download");
  await numberPanel.getByRole("button", { name: /as CSV$/ }).click();
  const csv = fs.readFileSync((await (await csvDownload).path())!, "utf8");
  expect(csv.split(/\r?\n/)[0]).toBe("measure,period_start,period_end,value");
  expect(csv).toMatch(/count,[^,]+,[^,]+,5/);
  const pngDownload = page.waitForEvent("download");
  await numberPanel.getByRole("button", { name: /as PNG$/ }).click();
  const png = fs.readFileSync((await (await pngDownload).path())!);
  expect(png.subarray(1, 4).toString()).toBe("PNG");

  // The short link of this view (range, variable and project are in it).
  await page.getByTestId("copy-link").click();
  await page.getByTestId("copy-short-link").click();
  const shortUrl = page.getByTestId("short-link-url");
  await expect(shortUrl).toHaveValue(new RegExp(`^${baseUrl()}/s/[0-9A-Za-z]{10}$`));
  const shared = await shortUrl.inputValue();
  await page.keyboard.press("Escape");
  const movedX = (await numberPanel.boundingBox())!.x;

  // A viewer teammate opens the link in a browser of their own: the same panels, number and variable.
  const admin = await adminRequest();
  const invite = await admin.post(`${baseUrl()}/api/v1/projects/default/invites`, { data: { role: "viewer" } });
  expect(invite.status(), await invite.text()).toBe(201);
  const token = ((await invite.json()) as { url: string }).url.split("/invite/")[1];
  await admin.dispose();
  const mate = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const person = { email: `board-viewer-${run}@team.test`, password: "a viewer's long password" };
  const signUp = await mate.request.post(`${baseUrl()}/api/invites/sign-up`, { headers: { origin: baseUrl() }, data: { token, name: "Viewer", ...person } });
  expect(signUp.status(), await signUp.text()).toBe(201);
  const signIn = await mate.request.post(`${baseUrl()}/api/auth/sign-in/email`, { headers: { origin: baseUrl() }, data: person });
  expect(signIn.status()).toBe(200);
  const view = await mate.newPage();
  await view.goto(shared);
  await expect(view).toHaveURL(/\/boards\/\w+\?.*var=span\.customer\.tier(=|%3D)enterprise/);
  await expect(view.getByTestId("board-panel")).toHaveCount(3);
  await expect(view.getByTestId("number-value")).toHaveText("5");
  await expect(view.getByTestId("board-variable").getByTestId("variable-value")).toHaveText(/enterprise/);
  await expect(view.getByTestId("edit-board")).toBeDisabled();
  await expect.poll(async () => Math.abs((await view.locator('[data-testid=board-panel][data-kind=number]').boundingBox())!.x - movedX)).toBeLessThan(5);
  await mate.close();
});

test("a snapshot opens signed out, keeps its numbers when more data arrives, and is gone once revoked", async ({ browser, request }) => {
  const admin = await adminRequest();
  const now = Math.floor(Date.now() / 1000);
  const range = { start: now - 3600, end: now + 60 };
  const made = await admin.post(`${baseUrl()}/api/v1/boards`, {
    data: {
      name: `Snapshot board ${run}`, timeRange: range, variables: [],
      panels: [
        { id: "n", kind: "number", title: "Requests", query: { q, measure: "count" }, layout: { x: 0, y: 0, w: 4, h: 4 } },
        { id: "t", kind: "tiers", title: "Tiers", query: {}, layout: { x: 4, y: 0, w: 8, h: 6 } },
      ],
    },
  });
  expect(made.status(), await made.text()).toBe(201);
  const board = (await made.json()) as { id: string };
  const snap = await admin.post(`${baseUrl()}/api/v1/boards/${board.id}/snapshots`, { data: {} });
  expect(snap.status(), await snap.text()).toBe(201);
  const { url, token } = (await snap.json()) as { url: string; token: string };

  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await stranger.newPage();
  await page.goto(url);
  await expect(page.getByTestId("snapshot-exposes")).toContainText("admin@spanlens.test");
  await expect(page.getByTestId("number-value")).toHaveText("14");
  await expect(page.getByTestId("board-panel")).toHaveCount(2);

  // More requests of the same service, inside the snapshot's range.
  const at = BigInt(Date.now() - 30_000) * 1_000_000n;
  const more = await request.post(`${baseUrl()}/v1/traces`, {
    headers: { authorization: `Bearer ${apiKey()}` },
    data: { resourceSpans: [{ resource: { attributes: [str("service.name", service)] }, scopeSpans: [{ spans: [0, 1, 2].map(() => ({ traceId: hex(16), spanId: hex(8), name: "POST /checkout", kind: 2, startTimeUnixNano: String(at), endTimeUnixNano: String(at + 1_000_000n) })) }] }] },
  });
  expect(more.status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId("number-value")).toHaveText("14");

  expect((await admin.delete(`${baseUrl()}/api/v1/snapshots/${token}`)).status()).toBe(204);
  const gone = await page.reload();
  expect(gone?.status()).toBe(404);
  await expect(page.getByTestId("snapshot-gone")).toBeVisible();
  await stranger.close();
  await admin.dispose();
});

test("the Saved page lists boards with filters and funnels, filters by kind and owner, renames and deletes", async ({ page }) => {
  const admin = await adminRequest();
  const name = `Saved-page board ${run}`;
  const made = await admin.post(`${baseUrl()}/api/v1/boards`, { data: { name, timeRange: { since: "24h" }, variables: [], panels: [] } });
  expect(made.status()).toBe(201);
  await admin.dispose();

  await page.goto(`${baseUrl()}/saved?kind=board`);
  const row = page.getByTestId("saved-row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(page.locator("[data-testid=saved-row]:not([data-kind=board])")).toHaveCount(0);
  await page.getByTestId("saved-owner").selectOption("admin@spanlens.test");
  await expect(page).toHaveURL(/owner=admin(%40|@)spanlens\.test/);

  await row.getByRole("button", { name: `Rename ${name}` }).click();
  await page.getByRole("textbox", { name: `New name for ${name}` }).fill(`${name} (renamed)`);
  await page.getByRole("textbox", { name: `New name for ${name}` }).press("Enter");
  const renamed = page.getByTestId("saved-row").filter({ hasText: `${name} (renamed)` });
  await expect(renamed).toHaveCount(1);

  await renamed.getByRole("button", { name: `Delete ${name} (renamed)` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("saved-row").filter({ hasText: name })).toHaveCount(0);
});

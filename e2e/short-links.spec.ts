import { expect, test } from "@playwright/test";
import { hex, sendThreeTraces, threeTraceIds } from "./three-traces";
import { adminRequest, baseUrl } from "./env";

const run = hex(3);
const service = `e2e-short-${run}`;

test.beforeAll(async ({ request }) => {
  await sendThreeTraces(request, service, "short", 30_000);
});

const traceIds = threeTraceIds;

/** A viewer of `default` who joined through an invite, signed in in a browser of their own. */
async function viewerPage(browser: import("@playwright/test").Browser) {
  const admin = await adminRequest();
  const invite = await admin.post("/api/v1/projects/default/invites", { data: { role: "viewer" } });
  expect(invite.status(), await invite.text()).toBe(201);
  const token = ((await invite.json()) as { url: string }).url.split("/invite/")[1];
  await admin.dispose();
  const person = { email: `sally-${run}@team.test`, password: "sally's long password" };
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const joined = await context.request.post(`${baseUrl()}/api/invites/sign-up`, {
    headers: { origin: baseUrl() },
    data: { token, name: "Sally", ...person },
  });
  expect(joined.status(), await joined.text()).toBe(201);
  const page = await context.newPage();
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(person.email);
  return { context, page };
}

test("a short link copied on /traces opens the same query for a teammate", async ({ page, context, browser }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl() });
  const q = `{ resource.service.name = "${service}" }`;
  await page.goto(`${baseUrl()}/traces?${new URLSearchParams({ q, since: "1h" })}`);
  const seen = await traceIds(page);

  // Keyboard only: open the menu, take the short link.
  await page.getByTestId("copy-link").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Copy link" })).toContainText("last 1 h, moves with the clock");
  await page.getByTestId("copy-short-link").focus();
  await page.keyboard.press("Enter");
  const shown = page.getByTestId("short-link-url");
  await expect(shown).toHaveValue(new RegExp(`^${baseUrl()}/s/[0-9A-Za-z]{10}$`));
  const short = await shown.inputValue();
  await expect(page.getByTestId("copy-status")).toHaveText(/^Copied short link: last 1 h/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(short);

  // Asking again gives the same link; Esc closes the menu.
  await page.keyboard.press("Escape");
  await page.getByTestId("copy-link").click();
  await page.getByTestId("copy-short-link").click();
  await expect(page.getByTestId("short-link-url")).toHaveValue(short);

  const mate = await viewerPage(browser);
  await mate.page.goto(short);
  await expect(mate.page).toHaveURL((u) =>
    u.pathname === "/traces" && u.searchParams.get("q") === q && u.searchParams.get("since") === "1h" && u.searchParams.get("project") === "default");
  await expect(mate.page.getByTestId("query-editor")).toContainText(service);
  expect(await traceIds(mate.page)).toEqual(seen);

  // Deleted by its creator, the link says it is gone (and answers 404).
  const id = short.split("/s/")[1];
  const deleted = await page.request.delete(`${baseUrl()}/api/v1/short-links/${id}?project=default`, { headers: { origin: baseUrl() } });
  expect(deleted.status()).toBe(204);
  const gone = await mate.page.goto(short);
  expect(gone?.status()).toBe(404);
  await expect(mate.page.getByTestId("short-link-missing")).toContainText("This short link does not exist");
  await mate.context.close();
});

test("a pinned short link on /metrics keeps the range it pinned", async ({ page }) => {
  await page.goto(`${baseUrl()}/metrics?since=6h`);
  await page.getByTestId("copy-link").click();
  await page.getByTestId("copy-link-pin").check();
  await page.getByTestId("copy-short-link").click();
  const short = await page.getByTestId("short-link-url").inputValue();
  await expect(page.getByTestId("copy-status")).toHaveText(/^Copied short link: pins /);
  await page.goto(short);
  await expect(page).toHaveURL(/\/metrics\?.*start=\d+/);
  const url = new URL(page.url());
  expect(url.searchParams.get("project")).toBe("default");
  expect(url.searchParams.has("since")).toBe(false);
  const span = Number(url.searchParams.get("end")) - Number(url.searchParams.get("start"));
  expect(span).toBeGreaterThanOrEqual(6 * 3600);
  expect(span).toBeLessThanOrEqual(6 * 3600 + 1);
});

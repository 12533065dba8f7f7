import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { apiKey, baseUrl } from "./env";

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });

// Unique per run: the server (and its catalog) is shared with the other specs.
const run = hex(3);
const service = `e2e-search-${run}`;
const other = `e2e-other-${run}`;
const QUERY = `{ resource.service.name = "${service}" && span.customer.tier = "enterprise" }`;

/** One trace of a root span and a child, started a few seconds ago (inside the default 24 h). */
function trace(svc: string, name: string, tier: string, durationMs: number) {
  const start = BigInt(Date.now() - 5_000) * 1_000_000n;
  const ns = (ms: number) => String(start + BigInt(ms) * 1_000_000n);
  const [traceId, root] = [hex(16), hex(8)];
  return {
    resource: { attributes: [str("service.name", svc)] },
    scopeSpans: [{
      scope: { name: "e2e" },
      spans: [
        { traceId, spanId: root, name, kind: 2, startTimeUnixNano: ns(0), endTimeUnixNano: ns(durationMs), attributes: [str("customer.tier", tier)], status: { code: 1 } },
        { traceId, spanId: hex(8), parentSpanId: root, name: "load cart", kind: 3, startTimeUnixNano: ns(1), endTimeUnixNano: ns(durationMs - 1), attributes: [], status: { code: 1 } },
      ],
    }],
  };
}

test.beforeAll(async ({ request }) => {
  const res = await request.post(`${baseUrl()}/v1/traces`, {
    headers: { authorization: `Bearer ${apiKey()}` },
    data: {
      resourceSpans: [
        trace(service, "POST /checkout", "enterprise", 120),
        trace(service, "POST /checkout", "enterprise", 340),
        trace(service, "GET /cart", "enterprise", 18),
        trace(service, "GET /cart", "standard", 25),
        trace(other, "POST /checkout", "enterprise", 90),
      ],
    },
  });
  expect(res.status(), await res.text()).toBe(200);
});

async function openSearch(page: Page, path = "/traces") {
  await page.goto(`${baseUrl()}${path}`);
  // The editor is mounted (and its autocomplete live) once its content element exists.
  await expect(page.getByTestId("query-editor")).toBeVisible();
}

/** Waits for a completion to be the selected one, then takes it with Enter. */
async function pick(page: Page, option: string | RegExp) {
  await expect(page.getByRole("option", { name: option, selected: true })).toBeVisible();
  await page.keyboard.press("Enter");
}

const rows = (page: Page) => page.getByTestId("result-row");
const traceIds = async (page: Page) => (await rows(page).getByTestId("copy-id").allInnerTexts()).sort();

test("types a query with autocomplete, builds it with the builder, saves it and opens its link elsewhere", async ({ page, browser }) => {
  await openSearch(page);
  await page.keyboard.press("/");
  await page.keyboard.type("{ resource.service.na");
  await pick(page, /^resource\.service\.name/);
  await pick(page, /^=equals/);
  await page.keyboard.type(`e2e-search-${run}`);
  await pick(page, new RegExp(`^${service}`));
  await page.keyboard.type("&& span.customer.ti");
  await pick(page, /^span\.customer\.tier/);
  await pick(page, /^=equals/);
  await page.keyboard.type("enter");
  await pick(page, /^enterprise/);
  await page.keyboard.type("}");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/[?&]q=/);
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByTestId("search-summary")).toContainText("3 traces");
  await expect(page.getByTestId("search-summary")).toContainText("last 24 h");
  for (const chip of await rows(page).getByTestId("service-chip").all()) await expect(chip).toHaveText(service);
  const typedIds = await traceIds(page);
  // The builder shows what was typed.
  await expect(page.getByLabel("Condition 1 key")).toHaveValue("resource.service.name");
  await expect(page.getByLabel("Condition 2 value")).toHaveValue("enterprise");

  // The same query from the builder, starting from an empty page.
  await openSearch(page);
  await page.getByRole("button", { name: "+ Add condition" }).click();
  await page.getByLabel("Condition 1 key").fill("resource.service.name");
  await page.getByLabel("Condition 1 value").fill(service);
  await page.getByLabel("Condition 1 value").press("Enter");
  await page.getByRole("button", { name: "+ Add condition" }).click();
  await page.getByLabel("Condition 2 key").fill("span.customer.tier");
  await page.getByLabel("Condition 2 value").fill("enterprise");
  await page.getByLabel("Condition 2 value").press("Enter");
  await expect(page.getByTestId("query-editor")).toHaveText(QUERY);
  await expect(rows(page)).toHaveCount(3);
  expect(await traceIds(page)).toEqual(typedIds);

  // Save it; the address becomes the filter's stable link.
  await page.getByTestId("save-filter").click();
  const dialog = page.getByRole("dialog", { name: "Save filter" });
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog.getByText("Name is required")).toBeVisible();
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(`Enterprise checkouts ${run}`);
  await dialog.getByRole("textbox", { name: "Author" }).fill("Ana");
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/traces\?project=default&filter=[\w-]+$/);
  await expect(page.getByTestId("saved-filters").getByRole("link", { name: `Enterprise checkouts ${run}` })).toHaveAttribute("aria-current", "page");
  const link = page.url();

  // A teammate's browser: no shared state but the link.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openSearch(other, link.slice(baseUrl().length));
  await expect(other.getByTestId("query-editor")).toHaveText(QUERY);
  await expect(other.getByTestId("filter-title")).toContainText(`Enterprise checkouts ${run}`);
  await expect(rows(other)).toHaveCount(3);
  expect(await traceIds(other)).toEqual(typedIds);
  await fresh.close();
});

test("a saved filter keeps the table's sort and columns, and its link restores them", async ({ page, browser }) => {
  await openSearch(page, `/traces?q=${encodeURIComponent(QUERY)}&cols=span.customer.tier&sort=duration&order=asc`);
  await expect(rows(page)).toHaveCount(3);
  await page.getByTestId("save-filter").click();
  const dialog = page.getByRole("dialog", { name: "Save filter" });
  await expect(dialog.getByTestId("save-filter-table")).toHaveText("Sorted by duration, ascending · columns span.customer.tier");
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(`Quickest enterprise ${run}`);
  await dialog.getByRole("textbox", { name: "Author" }).fill("Ana");
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  // The link is the filter's alone: sort and columns travel inside it.
  await expect(page).toHaveURL(/\/traces\?project=default&filter=[\w-]+$/);
  const link = page.url().slice(baseUrl().length);

  const durationHeader = (p: Page) => p.getByRole("columnheader", { name: /^Duration/ });
  const restored = async (p: Page) => {
    await expect(durationHeader(p)).toHaveAttribute("aria-sort", "ascending");
    await expect(p.getByRole("columnheader", { name: /^span\.customer\.tier/ })).toBeVisible();
    await expect(rows(p)).toHaveCount(3);
    // The shortest of the three first.
    await expect(rows(p).first()).toContainText("GET /cart");
  };
  await restored(page);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openSearch(other, link);
  await restored(other);
  // The URL's own sort and columns still win over the filter's.
  await openSearch(other, `${link}&sort=start&order=desc&cols=`);
  await expect(durationHeader(other)).toHaveAttribute("aria-sort", "none");
  await expect(other.getByRole("columnheader", { name: /^span\.customer\.tier/ })).toHaveCount(0);
  await expect(other.getByTestId("filter-title")).toContainText("modified");
  await fresh.close();
});

test("clicking a value adds it to the query; a column shows an attribute", async ({ page }) => {
  await openSearch(page, `/traces?q=${encodeURIComponent(`{ resource.service.name = "${service}" }`)}&cols=span.customer.tier`);
  await expect(rows(page)).toHaveCount(4);
  await rows(page).filter({ hasText: "standard" }).getByRole("button", { name: "standard" }).click();
  await expect(page.getByTestId("query-editor")).toHaveText(`{ resource.service.name = "${service}" && span.customer.tier = "standard" }`);
  await expect(rows(page)).toHaveCount(1);
  await expect(page).toHaveURL(/cols=span\.customer\.tier/);

  await page.getByRole("button", { name: /^Duration/ }).click();
  await expect(page).toHaveURL(/sort=duration/);
});

test("explains an empty result with the attribute's known values, and underlines a bad query", async ({ page }) => {
  await openSearch(page, `/traces?q=${encodeURIComponent(`{ resource.service.name = "${service}" && span.customer.tier = "diamond" }`)}`);
  const empty = page.getByTestId("empty-state");
  await expect(empty).toContainText("No traces match");
  await expect(empty.getByTestId("known-values")).toContainText("customer.tier has values");
  await expect(empty.getByTestId("known-values")).toContainText("enterprise");

  await openSearch(page, `/traces?q=${encodeURIComponent("{ span.customer.tier = }")}`);
  await expect(page.getByTestId("query-error")).toContainText("column 24");
  await expect(page.locator(".cm-lintRange-error")).toBeVisible();
  await expect(page.getByTestId("builder-unavailable")).toBeVisible();
});

test("? lists the query editor's keys where there is an editor, and not on a trace's page", async ({ page }) => {
  await openSearch(page);
  // `?` typed into the editor is text: ask with the focus elsewhere.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help.getByRole("heading", { name: "In a query editor" })).toBeVisible();
  await expect(help).toContainText("Suggestions");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});

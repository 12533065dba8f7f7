import { expect, test, type Page } from "@playwright/test";
import { baseUrl } from "./env";
import { hex, sendThreeTraces, threeTraceIds } from "./three-traces";

const run = hex(3);
const service = `e2e-compare-${run}`;

test.beforeAll(async ({ request }) => {
  await sendThreeTraces(request, service, "cmp", 30_000);
});

/** The results row whose root span has this name. */
const rowOf = (page: Page, name: string) => page.getByTestId("result-row").filter({ hasText: name });

/** The aligned tree as it stands: the top row slower in B, "op 80" only in A, "op 210" only in B. */
async function expectAligned(page: Page) {
  const tree = page.getByTestId("compare-tree");
  await expect(tree.getByTestId("compare-row")).toHaveCount(3);
  const top = tree.locator('[data-presence="trace"]');
  await expect(top).toContainText("Whole trace");
  const diff = top.getByTestId("diff");
  await expect(diff).toHaveAttribute("data-tone", "slower");
  await expect(diff).toHaveText(/^\+130 ms · 2\.6×$/);
  // Coloured, not merely labelled: the cell has a background of its own.
  expect(await diff.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toMatch(/^rgba\(0, 0, 0, 0\)$|^transparent$/);
  const onlyB = tree.locator('[data-presence="b"]');
  await expect(onlyB).toHaveCount(1);
  await expect(onlyB).toContainText("cmp op 210");
  await expect(onlyB.getByTestId("presence")).toHaveText(/only B/i);
  await expect(tree.locator('[data-presence="a"]')).toContainText("cmp op 80");
  await expect(page.getByTestId("compare-summary")).toHaveText(/0 paths in both · 1 only in A · 1 only in B/);
  await expect(page.getByTestId("diff-legend")).toContainText("B slower");
  await expect(page.getByTestId("diff-legend")).toContainText("no badge: in both");
}

test("two traces picked in /traces open side by side, and the link reopens the same view", async ({ page }) => {
  const q = `{ resource.service.name = "${service}" }`;
  await page.goto(`${baseUrl()}/traces?${new URLSearchParams({ q, since: "1h" })}`);
  await threeTraceIds(page);
  const compare = page.getByTestId("compare-picked");
  await expect(compare).toBeDisabled();
  await rowOf(page, "cmp op 80").getByTestId("pick-trace").check();
  await rowOf(page, "cmp op 210").getByTestId("pick-trace").check();
  // Two are picked: the third cannot be, and ticking did not open a trace.
  await expect(rowOf(page, "cmp op 45").getByTestId("pick-trace")).toBeDisabled();
  await expect(page).toHaveURL(/\/traces\?/);
  await compare.click();

  await expect(page).toHaveURL(/\/traces\/compare\?.*a=[0-9a-f]{32}.*b=[0-9a-f]{32}/);
  await expectAligned(page);
  // Parsed and aligned in the comparison's worker, whose measures the page copies into its timeline.
  const measures = await page.evaluate(() => performance.getEntriesByType("measure").map((m) => m.name));
  expect(measures).toEqual(expect.arrayContaining(["compare:parse A", "compare:parse B", "compare:align"]));
  await expect(page.getByTestId("trace-a")).toContainText("cmp op 80");
  await expect(page.getByTestId("trace-b")).toContainText("cmp op 210");

  // Keyboard: the tree has the focus; ← on the top row folds it, → opens it again.
  await page.getByTestId("compare-tree").focus();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("compare-row")).toHaveCount(1);
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("compare-row")).toHaveCount(3);

  // The longest-span measure lives in the URL too.
  await page.getByText("longest span").click();
  await expect(page).toHaveURL(/dur=max/);
  // A page of its own, not a trace called "compare" (which would answer 404).
  const reloaded = await page.reload();
  expect(reloaded?.status()).toBe(200);
  await expectAligned(page);
  // Each trace is downloaded once, by the server-rendered page's preload (not after hydration),
  // and the fetch reads that response: a URL that differed would download it a second time.
  const downloads = await page.evaluate(() => (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
    .filter((e) => new URL(e.name).pathname.endsWith("/waterfall")).map((e) => e.initiatorType));
  expect(downloads).toEqual(["link", "link"]);
  await expect(page.getByRole("radio", { name: "longest span" })).toBeChecked();

  // End goes to the last path (only in B); `b` opens its span in trace B's waterfall.
  const bId = new URL(page.url()).searchParams.get("b");
  await page.getByTestId("compare-tree").focus();
  await page.keyboard.press("End");
  await expect(page.getByTestId("compare-tree")).toHaveAttribute("aria-activedescendant", /cmp-row-\d+/);
  await page.keyboard.press("b");
  await expect(page).toHaveURL(new RegExp(`/traces/${bId}\\?.*span=[0-9a-f]{16}`));
});

test("“Compare with…” on a trace page takes a pasted id; an unknown id is named", async ({ page }) => {
  const q = `{ resource.service.name = "${service}" }`;
  await page.goto(`${baseUrl()}/traces?${new URLSearchParams({ q, since: "1h" })}`);
  await threeTraceIds(page);
  const idOf = async (name: string) => ((await rowOf(page, name).getByTestId("copy-id").getAttribute("title")) ?? "").split(" ")[0];
  const [a, b] = [await idOf("cmp op 80"), await idOf("cmp op 210")];
  await rowOf(page, "cmp op 80").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/traces/${a}`));

  await page.getByTestId("compare-with").click();
  const dialog = page.getByRole("dialog", { name: /Compare this trace/ });
  // The other two have other root names: nothing of the same root to offer.
  await expect(dialog).toContainText("No other trace of this root operation");
  await dialog.getByLabel("Trace id to compare with").fill("not-an-id");
  await dialog.getByRole("button", { name: "Compare" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Not a trace id");
  await dialog.getByLabel("Trace id to compare with").fill(b);
  await dialog.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(new RegExp(`/traces/compare\\?.*a=${a}.*b=${b}`));
  await expectAligned(page);

  const unknown = hex(16);
  await page.goto(`${baseUrl()}/traces/compare?a=${a}&b=${unknown}`);
  await expect(page.getByTestId("compare-error")).toContainText(`Trace B (${unknown}) is not in this project`);
});

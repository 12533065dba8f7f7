import { expect, test } from "@playwright/test";
import { hex, sendThreeTraces, threeTraceIds } from "./three-traces";
import { baseUrl } from "./env";

const run = hex(3);
const service = `e2e-team-${run}`;

test.beforeAll(async ({ request }) => {
  await sendThreeTraces(request, service, "team", 60_000);
});

const traceIds = threeTraceIds;

test("an admin invites a viewer, who opens a shared /traces link, sees the same results and cannot save", async ({ page, browser }) => {
  // The admin makes a viewer invite on the settings page and copies the link.
  await page.goto(`${baseUrl()}/settings`);
  const invites = page.getByRole("region", { name: "Invites" });
  await invites.getByRole("combobox", { name: "Role of the invited person" }).selectOption("viewer");
  await invites.getByRole("button", { name: "Create invite link" }).click();
  const inviteUrl = (await page.getByTestId("new-invite-url").innerText()).trim();
  expect(inviteUrl).toMatch(/\/invite\/inv_/);

  // The admin searches, and shares the page's URL.
  const q = `{ resource.service.name = "${service}" }`;
  await page.goto(`${baseUrl()}/traces?${new URLSearchParams({ q, since: "1h" })}`);
  const seenByAdmin = await traceIds(page);
  const shared = page.url();
  expect(shared).toContain("project=default");

  // The teammate, in a browser of their own, joins through the link.
  const teammate = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const mate = await teammate.newPage();
  await mate.goto(inviteUrl);
  await expect(mate.getByRole("heading", { name: "Join a project" })).toBeVisible();
  await expect(mate.getByText("as viewer")).toBeVisible();
  await mate.getByLabel("Name").fill("Vera Viewer");
  await mate.getByLabel("Email").fill(`vera-${run}@team.test`);
  await mate.getByLabel("Password (at least 8 characters)").fill("vera's long password");
  await mate.getByRole("button", { name: "Create account and join" }).click();
  await expect(mate.getByTestId("project-role")).toHaveText("You are a viewer here");

  // The shared link shows the teammate the same results.
  await mate.goto(shared);
  expect(await traceIds(mate)).toEqual(seenByAdmin);

  // Saving is not theirs to do: the button says why, and the API refuses too.
  const save = mate.getByTestId("save-filter");
  await expect(save).toBeDisabled();
  await expect(save).toHaveAttribute("title", /viewer.*editor/);
  const res = await mate.request.post(`${baseUrl()}/api/v1/saved-filters?project=default`, {
    headers: { origin: baseUrl() },
    data: { name: "not mine to save", query: q, author: "Vera" },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error).toMatch(/viewer/);

  // Used once: the link now says so.
  await mate.goto(inviteUrl);
  await expect(mate.getByTestId("invite-invalid")).toContainText("was accepted");
  await teammate.close();
});

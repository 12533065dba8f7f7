import { expect, test } from "@playwright/test";
import { baseUrl, E2E_ADMIN } from "./env";

// Starts signed out, unlike the other specs.
test.use({ storageState: { cookies: [], origins: [] } });

test("a deep link asks to sign in, then opens; signing out locks the app again", async ({ page }) => {
  const deepLink = "/traces?q=%7B+resource.service.name+%3D+%22checkout%22+%7D&since=1h";
  await page.goto(baseUrl() + deepLink);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("radiogroup", { name: "Theme" })).toBeVisible();

  // A wrong password: the error is inline and the form stays usable.
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");

  // Keyboard only: Enter submits.
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByLabel("Password").press("Enter");
  // The URL gains the project, so a link copied from here opens the same one for a teammate.
  await expect(page).toHaveURL(`${baseUrl()}${deepLink}&project=default`);
  await expect(page.getByTestId("signed-in-as")).toHaveText(E2E_ADMIN.email);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto(`${baseUrl()}/settings`);
  await expect(page).toHaveURL(`${baseUrl()}/sign-in?next=%2Fsettings`);
});

test("the setup page is gone once the admin exists", async ({ page }) => {
  await page.goto(`${baseUrl()}/setup`);
  await expect(page).toHaveURL(/\/sign-in$/);
});

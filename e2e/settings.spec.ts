import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { baseUrl } from "./env";

function payload() {
  const start = BigInt(Date.now()) * 1_000_000n;
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "e2e-keys" } }] },
        scopeSpans: [
          {
            spans: [
              {
                traceId: randomBytes(16).toString("hex"),
                spanId: randomBytes(8).toString("hex"),
                name: "key check",
                kind: 1,
                startTimeUnixNano: String(start),
                endTimeUnixNano: String(start + 1_000_000n),
              },
            ],
          },
        ],
      },
    ],
  };
}

const ingestWith = (request: APIRequestContext, key: string) =>
  request.post(`${baseUrl()}/v1/traces`, { headers: { authorization: `Bearer ${key}` }, data: payload() });

test("creates a key, shows it once, and revoking it stops ingest", async ({ page, request }) => {
  await page.goto(`${baseUrl()}/settings`);
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();

  await page.getByRole("textbox", { name: "Key name" }).fill("ci");
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-key");
  await expect(shown).toContainText("only time it is shown");
  const key = (await shown.getByTestId("new-key-value").textContent())?.trim() ?? "";
  expect(key).toMatch(/^sl_\S{20,}$/);

  expect((await ingestWith(request, key)).status()).toBe(200);

  // Newest first: the key just created is the first "ci" row.
  const row = page.getByTestId("key-row").filter({ hasText: key.slice(0, 6) }).first();
  await expect(row).toContainText("active");
  await row.getByRole("button", { name: "Revoke key ci" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("401");
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("revoked");

  expect((await ingestWith(request, key)).status()).toBe(401);

  // Shown once: after a reload only the prefix is left.
  await page.reload();
  await expect(page.getByTestId("new-key")).toHaveCount(0);
  await expect(page.getByText(key, { exact: true })).toHaveCount(0);
});

test("says what is wrong with a key name before sending it", async ({ page }) => {
  await page.goto(`${baseUrl()}/settings`);
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Give the key a name")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Key name" })).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("textbox", { name: "Key name" }).fill("x".repeat(101));
  await expect(page.getByText("At most 100 characters")).toBeVisible();
});

test("shows how to send traces, pointing at the keys on the same page", async ({ page }) => {
  await page.goto(`${baseUrl()}/settings`);
  const panel = page.getByTestId("send-traces");
  await expect(panel.getByTestId("snippet-env")).toContainText(`OTEL_EXPORTER_OTLP_ENDPOINT=${baseUrl()}`);
  await expect(panel.getByRole("link", { name: "API keys below" })).toHaveAttribute("href", "#api-keys");
});

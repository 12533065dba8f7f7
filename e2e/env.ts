/** The server e2e/global-setup.ts started. */
export const baseUrl = () => {
  const url = process.env.SPANLENS_E2E_URL;
  if (!url) throw new Error("SPANLENS_E2E_URL is not set: run through `npx playwright test`");
  return url;
};
export const apiKey = () => process.env.SPANLENS_E2E_KEY!;
/** Scripts' way in: the server's API key, for calls made outside the signed-in browser. */
export const keyHeader = () => ({ authorization: `Bearer ${apiKey()}` });
/** The admin global-setup created and signed in as (its session is in e2e/.auth/admin.json). */
export const E2E_ADMIN = { email: "admin@spanlens.test", password: "correct horse battery staple" };
export const STORAGE_STATE = "e2e/.auth/admin.json";

/** Calls as the signed-in admin, for set-up that keys may not do (settings, members, invites). */
export async function adminRequest() {
  const { request } = await import("@playwright/test");
  return request.newContext({ baseURL: baseUrl(), storageState: STORAGE_STATE, extraHTTPHeaders: { origin: baseUrl() } });
}

/** The server e2e/global-setup.ts started. */
export const baseUrl = () => {
  const url = process.env.SPANLENS_E2E_URL;
  if (!url) throw new Error("SPANLENS_E2E_URL is not set: run through `npx playwright test`");
  return url;
};
export const apiKey = () => process.env.SPANLENS_E2E_KEY!;

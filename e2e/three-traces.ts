import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { apiKey, baseUrl } from "./env";

export const hex = (bytes: number) => randomBytes(bytes).toString("hex");

/** Three single-span traces of a service of their own, sent a moment ago with the server's key. */
export async function sendThreeTraces(request: APIRequestContext, service: string, label: string, agoMs: number) {
  const start = BigInt(Date.now() - agoMs) * 1_000_000n;
  const spans = [80, 210, 45].map((ms) => ({
    traceId: hex(16), spanId: hex(8), name: `${label} op ${ms}`, kind: 2,
    startTimeUnixNano: String(start), endTimeUnixNano: String(start + BigInt(ms) * 1_000_000n),
  }));
  const res = await request.post(`${baseUrl()}/v1/traces`, {
    headers: { authorization: `Bearer ${apiKey()}` },
    data: { resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: service } }] }, scopeSpans: [{ spans }] }] },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** The trace ids the results table shows, once it shows the three. */
export async function threeTraceIds(page: Page) {
  await expect(page.getByTestId("result-row")).toHaveCount(3);
  return (await page.getByTestId("result-row").getByTestId("copy-id").allInnerTexts()).sort();
}

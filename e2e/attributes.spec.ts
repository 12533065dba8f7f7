import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { apiKey, baseUrl } from "./env";

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const key = `e2e.ratio_${hex(3)}`;

test.beforeAll(async ({ request }) => {
  const now = BigInt(Date.now()) * 1_000_000n;
  const res = await request.post(`${baseUrl()}/v1/traces`, {
    headers: { authorization: `Bearer ${apiKey()}` },
    data: {
      resourceSpans: [{
        resource: { attributes: [{ key: "service.name", value: { stringValue: "e2e-attributes" } }] },
        scopeSpans: [{
          scope: { name: "e2e" },
          spans: [0.25, 0.5, 0.75].map((v, i) => ({
            traceId: hex(16), spanId: hex(8), name: "score", kind: 1,
            startTimeUnixNano: String(now - BigInt(i + 1) * 1_000_000_000n), endTimeUnixNano: String(now - BigInt(i) * 1_000_000_000n),
            attributes: [{ key, value: { doubleValue: v } }],
          })),
        }],
      }],
    },
  });
  expect(res.status(), await res.text()).toBe(200);
});

test("a key of doubles says its values are not counted, in the table and in its panel, instead of 0 or an ellipsis", async ({ page }) => {
  await page.goto(`${baseUrl()}/attributes?q=${encodeURIComponent(key)}&key=${encodeURIComponent(`span:${key}`)}`);
  const detail = page.getByTestId("attribute-detail");
  await expect(detail.getByTestId("catalog-not-counted")).toHaveText("not counted");
  await expect(page.getByTestId("attribute-row").filter({ hasText: key })).toContainText("not counted");
});

import { shortId } from "../lib/format/id";
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiKey, baseUrl } from "./env";

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const nowNs = () => BigInt(Date.now()) * 1_000_000n;
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });

interface SpanSpec {
  spanId: string;
  parentSpanId?: string;
  name: string;
  offsetMs: number;
  durationMs: number;
  error?: string;
  attributes?: { key: string; value: Record<string, unknown> }[];
}

/** One OTLP/JSON trace from one service. */
function otlpTrace(service: string, traceId: string, spans: SpanSpec[]) {
  const start = nowNs();
  return {
    resource: { attributes: [str("service.name", service), str("deployment.environment", "e2e")] },
    scopeSpans: [
      {
        scope: { name: "e2e" },
        spans: spans.map((s) => ({
          traceId,
          spanId: s.spanId,
          parentSpanId: s.parentSpanId,
          name: s.name,
          kind: 2,
          startTimeUnixNano: String(start + BigInt(s.offsetMs) * 1_000_000n),
          endTimeUnixNano: String(start + BigInt(s.offsetMs + s.durationMs) * 1_000_000n),
          attributes: s.attributes ?? [],
          status: s.error ? { code: 2, message: s.error } : { code: 1 },
        })),
      },
    ],
  };
}

async function ingest(request: APIRequestContext, resourceSpans: unknown[]) {
  const res = await request.post(`${baseUrl()}/v1/traces`, {
    headers: { authorization: `Bearer ${apiKey()}` },
    data: { resourceSpans },
  });
  expect(res.status(), await res.text()).toBe(200);
}

test("lists the latest traces, opens one and shows a span's attributes", async ({ page, request }) => {
  const run = hex(3);
  const service = `e2e-shop-${run}`;
  const okTrace = { id: hex(16), root: `GET /catalog ${run}` };
  const errTrace = { id: hex(16), root: `POST /checkout ${run}`, rootSpan: hex(8), chargeSpan: hex(8) };
  await ingest(request, [
    otlpTrace(service, okTrace.id, [{ spanId: hex(8), name: okTrace.root, offsetMs: 0, durationMs: 42 }]),
    otlpTrace(service, errTrace.id, [
      { spanId: errTrace.rootSpan, name: errTrace.root, offsetMs: 0, durationMs: 180, attributes: [str("customer.tier", "gold")] },
      {
        spanId: errTrace.chargeSpan,
        parentSpanId: errTrace.rootSpan,
        name: "charge card",
        offsetMs: 20,
        durationMs: 120,
        error: "card declined",
        attributes: [str("payment.provider", "stripe"), { key: "payment.amount", value: { doubleValue: 129.99 } }, { key: "payment.retry", value: { boolValue: false } }],
      },
      { spanId: hex(8), parentSpanId: errTrace.rootSpan, name: "reserve stock", offsetMs: 150, durationMs: 10 },
    ]),
  ]);

  await page.goto(`${baseUrl()}/`);
  await expect(page.getByRole("heading", { name: "Traces", level: 1 })).toBeVisible();
  await expect(page.getByTestId("traces-summary")).toContainText("newest first");

  const okRow = page.getByTestId("trace-row").filter({ hasText: okTrace.root });
  const errRow = page.getByTestId("trace-row").filter({ hasText: errTrace.root });
  await expect(okRow).toBeVisible();
  await expect(okRow.getByTestId("service-chip")).toHaveText(service);
  await expect(okRow.getByTestId("error-count")).toHaveText("0");
  await expect(errRow.getByTestId("service-chip")).toHaveText(service);
  await expect(errRow.getByTestId("error-count")).toHaveText("1");
  await expect(errRow).toContainText("180 ms");
  await expect(errRow.getByTestId("copy-id")).toHaveText(shortId(errTrace.id));

  await page.getByRole("link", { name: errTrace.root }).click();
  await expect(page).toHaveURL(new RegExp(`/traces/${errTrace.id}\\?project=default$`));
  const header = page.getByTestId("trace-header");
  await expect(header).toContainText("180 ms");
  const spans = page.getByTestId("span-row");
  await expect(spans).toHaveCount(3);
  // Tree order: the root, then its children by start time.
  await expect(spans.nth(0)).toContainText(errTrace.root);
  await expect(spans.nth(1)).toContainText("charge card");
  await expect(spans.nth(1)).toContainText("error");
  await expect(spans.nth(2)).toContainText("reserve stock");

  await spans.nth(1).getByRole("button", { name: "charge card" }).click();
  const detail = page.getByTestId("span-detail");
  await expect(detail).toContainText("card declined");
  const attrs = detail.getByTestId("span-attributes");
  await expect(attrs).toContainText("payment.provider");
  await expect(attrs).toContainText('"stripe"');
  await expect(attrs).toContainText("129.99");
  await expect(detail.getByTestId("span-resource")).toContainText(`"${service}"`);
  await expect(page).toHaveURL(new RegExp(`span=${errTrace.chargeSpan}`));

  await page.keyboard.press("Escape");
  await expect(detail).toBeHidden();
});

test("shows new traces without a reload", async ({ page, request }) => {
  await page.goto(`${baseUrl()}/`);
  await expect(page.getByRole("heading", { name: "Traces", level: 1 })).toBeVisible();
  const root = `GET /live ${hex(3)}`;
  await ingest(request, [otlpTrace("e2e-live", hex(16), [{ spanId: hex(8), name: root, offsetMs: 0, durationMs: 5 }])]);
  await expect(page.getByTestId("trace-row").filter({ hasText: root })).toBeVisible({ timeout: 30_000 });
});

test("always offers the SDK snippets, pointing at this server", async ({ page }) => {
  await page.goto(`${baseUrl()}/`);
  const panel = page.getByTestId("send-traces");
  await panel.getByText("Send traces to this server").click();
  await expect(panel.getByTestId("snippet-env")).toContainText(`OTEL_EXPORTER_OTLP_ENDPOINT=${baseUrl()}`);
  await panel.getByRole("tab", { name: "Node.js" }).click();
  await expect(panel.getByTestId("snippet-node")).toContainText(`url: '${baseUrl()}/v1/traces'`);
  await panel.getByRole("tab", { name: "Noveum Python" }).click();
  await expect(panel.getByTestId("snippet-noveum-py")).toContainText(`endpoint="${baseUrl()}/api"`);
});

test("an unknown trace says so and links home", async ({ page }) => {
  await page.goto(`${baseUrl()}/traces/${"0".repeat(31)}1`);
  await expect(page.getByRole("heading", { name: "Trace not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the latest traces" }).click();
  await expect(page).toHaveURL(`${baseUrl()}/?project=default`);
});

import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { adminRequest, apiKey, baseUrl } from "./env";

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

// Unique per run: the server is shared with the other specs.
const run = hex(3);
const RULE = `e2e sampling ${run}`;
const CONDITION = `{ span.e2e.sampling = "${run}" }`;
const TRACES = 3;

const projectApi = (path: string) => `${baseUrl()}/api/v1/projects/default${path}`;

/** Traces of two spans, started a few seconds ago (inside the preview's last hour). */
function traces() {
  const start = BigInt(Date.now() - 5_000) * 1_000_000n;
  const ns = (ms: number) => String(start + BigInt(ms) * 1_000_000n);
  const attrs = [{ key: "e2e.sampling", value: { stringValue: run } }];
  return Array.from({ length: TRACES }, () => {
    const [traceId, root] = [hex(16), hex(8)];
    return [
      { traceId, spanId: root, name: "sampled op", kind: 2, startTimeUnixNano: ns(0), endTimeUnixNano: ns(40), attributes: attrs },
      { traceId, spanId: hex(8), parentSpanId: root, name: "child", kind: 3, startTimeUnixNano: ns(1), endTimeUnixNano: ns(30), attributes: [] },
    ];
  }).flat();
}

/** What the other specs expect: no sampling, the default retention. */
async function reset() {
  const admin = await adminRequest();
  const sampling = await admin.put(projectApi("/sampling"), { data: { rules: [], defaultRate: 1 } });
  expect(sampling.status(), await sampling.text()).toBe(200);
  const retention = await admin.put(projectApi("/retention"), { data: { retention: null } });
  expect(retention.status(), await retention.text()).toBe(200);
  await admin.dispose();
}

test.beforeAll(async ({ request }) => {
  await reset();
  const res = await request.post(`${baseUrl()}/v1/traces`, {
    headers: { authorization: `Bearer ${apiKey()}` },
    data: { resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "e2e-sampling" } }] }, scopeSpans: [{ spans: traces() }] }] },
  });
  expect(res.status(), await res.text()).toBe(200);
});

test.afterAll(async () => {
  await reset();
});

test("sampling rules: a bad condition is flagged on its row, the preview counts the draft, and Save keeps it", async ({ page }) => {
  await page.goto(`${baseUrl()}/settings#sampling`);
  const section = page.getByRole("region", { name: "Sampling rules" });
  await expect(section.getByText("No sampling: every span is kept")).toBeVisible();

  await section.getByRole("button", { name: "+ Add rule" }).click();
  const row = section.getByTestId("sampling-rule");
  await expect(row).toHaveCount(1);
  await row.getByRole("textbox", { name: "Rule 1 name" }).fill(RULE);
  const condition = row.getByTestId("rule-match");
  // Valid TraceQL, but not decidable on one span: only the server (via the preview) knows.
  await condition.locator(".cm-content").fill("{ trace:duration > 1s }");
  await expect(condition.getByTestId("query-problem")).toContainText("cannot be used in a sampling rule");
  await expect(condition).toHaveAttribute("data-invalid", "true");

  await condition.locator(".cm-content").fill(CONDITION);
  await expect(condition.getByTestId("query-problem")).toHaveCount(0);
  await section.getByTestId("default-rate").fill("10");

  const preview = section.getByTestId("sampling-preview");
  const ruleRow = preview.getByTestId("preview-rule").filter({ hasText: RULE });
  await expect(ruleRow.locator("td").nth(1)).toHaveText("100.0%");
  await expect(ruleRow.locator("td").nth(2)).toHaveText(String(TRACES));
  await expect(ruleRow.locator("td").nth(3)).toHaveText(String(TRACES));
  await expect(preview.getByTestId("preview-unmatched").locator("td").nth(1)).toHaveText("10.0%");
  await expect(preview.getByTestId("preview-summary")).toContainText(/Would keep [\d,.]+k? of [\d,.]+k? traces \(\d+\.\d%\)/);

  const save = section.getByTestId("save-sampling");
  await expect(save).toBeEnabled();
  await save.click();
  await expect(section.getByTestId("sampling-saved")).toContainText("Saved");
  await expect(save).toBeDisabled();

  await page.reload();
  const saved = page.getByRole("region", { name: "Sampling rules" }).getByTestId("sampling-rule");
  await expect(saved).toHaveCount(1);
  await expect(saved.getByRole("textbox", { name: "Rule 1 name" })).toHaveValue(RULE);
  await expect(saved.getByTestId("query-editor")).toHaveText(CONDITION);
  await expect(saved.getByRole("textbox", { name: "Rule 1 keep (percent of traces)" })).toHaveValue("100");
  await expect(page.getByTestId("default-rate")).toHaveValue("10");
  await expect(page.getByTestId("save-sampling")).toBeDisabled();
});

test("retention: an invalid period is explained inline, then 14d, then the default again", async ({ page }) => {
  await page.goto(`${baseUrl()}/settings#retention`);
  const panel = page.getByTestId("retention-panel");
  const period = panel.getByRole("textbox", { name: "Retention period" });
  const save = panel.getByRole("button", { name: "Save", exact: true });
  const effective = panel.getByTestId("effective-retention");
  await expect(effective).toHaveText("unlimited");

  await period.fill("7m");
  await save.click();
  await expect(panel.getByTestId("retention-error")).toContainText("expected a period like 36h, 7d or 2w");
  await expect(period).toHaveAttribute("aria-invalid", "true");

  await period.fill("14d");
  await expect(panel.getByTestId("retention-error")).toHaveCount(0);
  await save.click();
  // 14 days is two weeks: the effective period is shown in its shortest form.
  await expect(effective).toHaveText("2w");
  await expect(panel).toContainText("this project's own setting");
  await expect(period).toHaveValue("14d");
  await expect(save).toBeDisabled();

  await panel.getByRole("radio", { name: /Use the default/ }).check();
  await save.click();
  await expect(effective).toHaveText("unlimited");
  await expect(panel).toContainText("the default, SPANLENS_RETENTION");

  // With nothing expired (unlimited, no disk budget) a purge deletes nothing: safe on the shared server.
  await panel.getByRole("button", { name: "Purge now" }).click();
  await expect(panel.getByTestId("purge-result")).toContainText("0 spans purged");
  await expect(panel.getByTestId("last-purge")).toContainText("purged 0 spans");
});

import { z } from "zod";
import { durationMs } from "@/lib/chart-data/range";
import { checkTraceQL } from "@/lib/traceql/check";
import { BOARD_COLUMNS, BOARD_LIMITS, PANEL_KINDS, type BoardInput } from "./types";

const L = BOARD_LIMITS;
const traceql = (what: string) =>
  z.string().max(10_000, "at most 10,000 characters").superRefine((q, ctx) => {
    if (!q.trim()) return;
    const problem = checkTraceQL(q);
    if (problem) ctx.addIssue({ code: "custom", message: `${what}: ${problem.message} (at ${problem.from})` });
  });
const attr = z.string().trim().min(1, "required").max(200).regex(/^(span|resource)?\.?[^\s{}]+$/, "expected an attribute like span.customer.tier");
const relative = z.string().refine((s) => durationMs(s) !== null, 'expected a duration like "15m", "24h" or "7d"');
const seconds = z.number("expected unix seconds").int("expected whole unix seconds").min(0).max(9_000_000_000);

export const timeRangeSchema = z.union([
  z.object({ since: relative }).strict(),
  z.object({ start: seconds, end: seconds }).strict().refine((r) => r.end > r.start, { message: "end must be after start", path: ["end"] }),
], "expected { since } or { start, end }");

const layout = z.object({
  x: z.number().int().min(0).max(BOARD_COLUMNS - 1),
  y: z.number().int().min(0).max(10_000),
  w: z.number().int().min(1).max(BOARD_COLUMNS),
  h: z.number().int().min(1).max(L.maxRows),
}).strict().refine((l) => l.x + l.w <= BOARD_COLUMNS, { message: `x + w must be at most ${BOARD_COLUMNS}`, path: ["w"] });

const queries = {
  metrics: z.object({
    q: traceql("q").optional(),
    measure: z.string().max(200).optional(),
    groupBy: z.array(z.string().max(200)).max(2, "at most two attributes").optional(),
    step: z.string().max(10).optional(),
    top: z.number().int().min(1).max(50).optional(),
    view: z.enum(["line", "area", "bar", "totals", "table", "heatmap"]).optional(),
  }).strict(),
  funnel: z.object({
    funnel: z.string().max(40).optional(),
    steps: z.array(traceql("step")).min(2, "at least two steps").max(10).optional(),
    by: z.string().max(200).optional(),
    window: z.string().max(10).optional(),
    breakdown: z.string().max(200).optional(),
  }).strict().refine((f) => !!f.funnel !== !!f.steps, "give a saved funnel id (funnel) or its steps, not both"),
  tiers: z.object({ attr: z.string().max(200).optional() }).strict(),
  traces: z.object({
    q: traceql("q").optional(),
    cols: z.array(z.string().max(200)).max(10).optional(),
    sort: z.enum(["start", "duration", "spans", "errors"]).optional(),
    order: z.enum(["asc", "desc"]).optional(),
    limit: z.number().int().min(1).max(100).optional(),
  }).strict(),
  number: z.object({ q: traceql("q").optional(), measure: z.string().min(1, "required").max(200) }).strict(),
  note: z.object({ markdown: z.string().max(L.markdown, `at most ${L.markdown} characters`) }).strict(),
};

const panel = z.discriminatedUnion("kind", PANEL_KINDS.map((kind) =>
  z.object({
    id: z.string().trim().min(1, "required").max(40),
    kind: z.literal(kind),
    title: z.string().trim().max(L.title, `at most ${L.title} characters`),
    query: queries[kind],
    layout,
  }).strict(),
) as unknown as [z.ZodObject, ...z.ZodObject[]], `expected kind to be one of ${PANEL_KINDS.join(", ")}`);

const variable = z.object({
  key: attr,
  values: z.array(z.string().max(500)).max(L.values, `at most ${L.values} values`),
}).strict();

const variables = z.array(variable).max(L.variables, `at most ${L.variables} variables`);
const panels = z.array(panel).max(L.panels, `at most ${L.panels} panels`);
const description = z.string().max(L.description, `at most ${L.description} characters`);
const fields = {
  name: z.string().trim().min(1, "name is required").max(L.name, `at most ${L.name} characters`),
  description: description.default(""),
  timeRange: timeRangeSchema,
  variables: variables.default([]),
  panels: panels.default([]),
};

function uniqueIds(b: { panels?: Record<string, unknown>[]; variables?: { key: string }[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  b.panels?.forEach((p, i) => {
    const id = String(p.id);
    if (seen.has(id)) ctx.addIssue({ code: "custom", path: ["panels", i, "id"], message: `duplicate panel id "${id}"` });
    seen.add(id);
  });
  const keys = new Set<string>();
  b.variables?.forEach((v, i) => {
    if (keys.has(v.key)) ctx.addIssue({ code: "custom", path: ["variables", i, "key"], message: `duplicate variable "${v.key}"` });
    keys.add(v.key);
  });
}

export const createBoardSchema = z.object(fields).strict().superRefine(uniqueIds);
/** No defaults here: a field left out of a PATCH stays as it is. */
export const patchBoardSchema = z.object({
  name: fields.name.optional(),
  description: description.optional(),
  timeRange: timeRangeSchema.optional(),
  variables: variables.optional(),
  panels: panels.optional(),
}).strict().superRefine(uniqueIds);

export type CreateBoard = BoardInput;

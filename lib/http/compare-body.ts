import { z } from "zod";
import { MAX_COMPARE_WINDOW_NS, MAX_COMPARE_WINDOW_TEXT } from "@/lib/compare/limits";
import { parseAttrRef } from "@/lib/metrics/measure";
import type { CompareQuery } from "@/lib/spans/types";
import { BadRequestError, QueryError } from "./errors";
import { isMatchAll } from "@/lib/traceql/match-all";
import { traceqlParam } from "./traceql-param";
import { nowNs, parseSinceParam, parseTimeParam } from "./time-params";

const time = z.union([z.string(), z.number()]).optional();

/** The body of `POST /api/v1/compare`. */
export const compareBody = z
  .object({
    selection: z.string({ error: "expected TraceQL text, e.g. { duration > 500ms }" }),
    baseline: z.string().optional().nullable(),
    start: time,
    end: time,
    since: z.string().optional(),
    baselineStart: time,
    baselineEnd: time,
    weightBy: z.string().optional().nullable(),
  })
  .strict();

export type CompareBody = z.infer<typeof compareBody>;

/** Each window, and both together (what an engine scans), at most MAX_COMPARE_WINDOW_NS long. */
function checkWindowLength(startNs: bigint, endNs: bigint, baselineStartNs: bigint, baselineEndNs: bigint) {
  const over = (from: bigint, to: bigint) => to - from > MAX_COMPARE_WINDOW_NS;
  const limit = `${MAX_COMPARE_WINDOW_TEXT} (the longest range a /metrics chart draws)`;
  if (over(startNs, endNs)) throw new BadRequestError("start", `the selection's window start…end is longer than ${limit}`);
  if (over(baselineStartNs, baselineEndNs)) {
    throw new BadRequestError("baselineStart", `the baseline's window baselineStart…baselineEnd is longer than ${limit}`);
  }
  const scanStart = baselineStartNs < startNs ? baselineStartNs : startNs;
  const scanEnd = baselineEndNs > endNs ? baselineEndNs : endNs;
  if (over(scanStart, scanEnd)) {
    // Name the baseline's end that lies furthest from the selection's window.
    const field = startNs - baselineStartNs > baselineEndNs - endNs ? "baselineStart" : "baselineEnd";
    throw new BadRequestError(field, `the two windows together, from the earlier start to the later end, span more than ${limit}`);
  }
}

/** Checked body -> store query. Problems throw BadRequestError or QueryError (both 400s naming the field). */
export function toCompareQuery(body: CompareBody, projectId: number): CompareQuery {
  const now = nowNs();
  const startNs = parseTimeParam("start", body.start?.toString() ?? null) ?? parseSinceParam(body.since ?? null, now) ?? now - 3_600_000_000_000n;
  const endNs = parseTimeParam("end", body.end?.toString() ?? null) ?? now;
  if (startNs >= endNs) throw new BadRequestError("end", "must be after start");
  const baselineStartNs = parseTimeParam("baselineStart", body.baselineStart?.toString() ?? null) ?? startNs;
  const baselineEndNs = parseTimeParam("baselineEnd", body.baselineEnd?.toString() ?? null) ?? endNs;
  if (baselineStartNs >= baselineEndNs) {
    const defaults = [
      ...(body.baselineStart === undefined ? ["baselineStart defaults to start"] : []),
      ...(body.baselineEnd === undefined ? ["baselineEnd defaults to end"] : []),
    ];
    throw new BadRequestError("baselineEnd", `must be after baselineStart${defaults.length ? ` (${defaults.join("; ")})` : ""}`);
  }
  checkWindowLength(startNs, endNs, baselineStartNs, baselineEndNs);
  const selection = traceqlParam(body.selection, "selection");
  // Every span of a window is a selection only against a baseline reaching outside it (an ungrouped chart's bucket).
  if (isMatchAll(selection) && baselineStartNs >= startNs && baselineEndNs <= endNs) {
    throw new QueryError(
      "selection: matches every span of the baseline's window, so nothing is left to compare with; select a group, e.g. { duration > 500ms }, or widen the baseline's window (baselineStart, baselineEnd)",
      0, body.selection.length);
  }
  const baseline = traceqlParam(body.baseline ?? "", "baseline");
  let weightBy = null;
  if (body.weightBy) {
    weightBy = parseAttrRef(body.weightBy);
    if (!weightBy) {
      throw new BadRequestError("weightBy", `expected a numeric attribute like span.business.revenue_impact, got "${body.weightBy}"`);
    }
  }
  return { projectId, selection, baseline, startNs, endNs, baselineStartNs, baselineEndNs, weightBy };
}

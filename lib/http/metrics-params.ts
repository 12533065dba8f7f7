import { MeasureError, parseAttrRef, parseMeasure } from "@/lib/metrics/measure";
import { autoStepNs, MAX_POINTS, parseStep } from "@/lib/metrics/step";
import type { GroupRef, MetricsQuery } from "@/lib/metrics/types";
import { planFromTraceQL, type MetricsPlan } from "@/lib/metrics/from-traceql";
import { TraceQLError } from "@/lib/traceql/errors";
import { looksLikeMetrics, parseMetricsTraceQL } from "@/lib/traceql/metrics";
import { BadRequestError, QueryError } from "./errors";
import { isMatchAll } from "@/lib/traceql/match-all";
import { traceqlParam } from "./traceql-param";
import { nowNs, parseSinceParam, parseTimeParam } from "./time-params";

const INTRINSIC_GROUPS = { name: "name", status: "status", kind: "kind", "resource.service.name": "service", service: "service" } as const;
const MAX_TOP_N = 50;
/** Far past any useful bucket, and well inside the BIGINT nanoseconds the buckets are computed in. */
export const MAX_STEP = "365d";
const MAX_STEP_NS = 365n * 86_400_000_000_000n;

export function parseGroupRef(text: string, param = "groupBy"): GroupRef {
  const intrinsic = INTRINSIC_GROUPS[text as keyof typeof INTRINSIC_GROUPS];
  if (intrinsic) return { intrinsic };
  const ref = parseAttrRef(text);
  if (!ref) throw new BadRequestError(param, `expected an attribute like span.customer.tier or an intrinsic (name, status, kind, service), got "${text}"`);
  return ref;
}

/** A TraceQL filter as the set of spans it matches (checked here, compiled by the store); null for every span. */
export function spanFilterParam(q: string | null | undefined, param = "q"): string | null {
  const text = traceqlParam(q, param);
  return isMatchAll(text) ? null : text;
}

/** A range that must be finite (charts need both ends): default the last 24 hours. */
export function parseChartRange(params: URLSearchParams) {
  const now = nowNs();
  const since = parseSinceParam(params.get("since"), now);
  const startNs = parseTimeParam("start", params.get("start")) ?? since ?? now - 86_400_000_000_000n;
  const endNs = parseTimeParam("end", params.get("end")) ?? now;
  if (startNs >= endNs) throw new BadRequestError("end", "must be after start");
  return { startNs, endNs };
}

/**
 * A request: the builder's parameters, or a TraceQL metrics query in `q`
 * (`{ } | rate() by (name)`), which then says what to measure and how to group by itself.
 * Range, step and top come from the parameters either way.
 */
export function parseMetricsRequest(params: URLSearchParams, projectId: number): { query: MetricsQuery; plan: MetricsPlan | null } {
  const plan = metricsPlanParam(params.get("q"));
  if (!plan) return { query: parseMetricsParams(params, projectId), plan: null };
  for (const name of ["measure", "groupBy"]) {
    if (params.get(name)) throw new BadRequestError(name, "q is a TraceQL metrics query, which already says what to measure and group by; leave this out");
  }
  const rest = new URLSearchParams(params);
  rest.delete("q");
  const query = parseMetricsParams(rest, projectId);
  return { query: { ...query, filter: isMatchAll(plan.filter) ? null : plan.filter, measure: plan.measures[0].measure, groupBy: plan.groupBy }, plan };
}

/** `q` as a TraceQL metrics plan, or null when it has no metrics function (a plain filter). */
export function metricsPlanParam(q: string | null, param = "q"): MetricsPlan | null {
  if (!q || !looksLikeMetrics(q)) return null;
  try {
    const ast = parseMetricsTraceQL(q);
    return ast && planFromTraceQL(ast);
  } catch (err) {
    if (err instanceof TraceQLError) throw new QueryError(`${param}: ${err.message}`, err.from, err.to);
    throw err;
  }
}

export function parseMetricsParams(params: URLSearchParams, projectId: number): MetricsQuery {
  const { startNs, endNs } = parseChartRange(params);
  let measure;
  try {
    measure = parseMeasure(params.get("measure"));
  } catch (err) {
    if (err instanceof MeasureError) throw new BadRequestError("measure", err.message.replace(/^measure: /, ""));
    throw err;
  }
  const groupBy = (params.get("groupBy") ?? "").split(",").map((s) => s.trim()).filter(Boolean).map((g) => parseGroupRef(g));
  if (groupBy.length > 2) throw new BadRequestError("groupBy", "at most two attributes");
  const rawStep = params.get("step");
  const stepNs = rawStep ? parseStep(rawStep) : autoStepNs(endNs - startNs);
  if (!stepNs) throw new BadRequestError("step", `expected a step like 30s, 5m, 1h or 1d, got "${rawStep}"`);
  if (stepNs > MAX_STEP_NS) throw new BadRequestError("step", `at most ${MAX_STEP}, got "${rawStep}"`);
  if ((endNs - startNs) / stepNs > BigInt(MAX_POINTS)) {
    throw new BadRequestError("step", `gives more than ${MAX_POINTS} points over this range; choose a larger step`);
  }
  const topN = Number(params.get("top") ?? 10);
  if (!Number.isInteger(topN) || topN < 1 || topN > MAX_TOP_N) throw new BadRequestError("top", `expected an integer from 1 to ${MAX_TOP_N}`);
  return { projectId, filter: spanFilterParam(params.get("q")), measure, groupBy, startNs: gridStart(params, startNs, stepNs), endNs, stepNs, topN };
}

/**
 * A relative range (`since`, or none) starts its buckets on a multiple of the step, as Tempo
 * aligns metrics queries, so the axis can tick on round times (`02:00`, not `01:42`) and the
 * first bucket is a whole one. It reaches back less than one step further than asked; a
 * pinned `start` is kept as given.
 */
function gridStart(params: URLSearchParams, startNs: bigint, stepNs: bigint): bigint {
  return params.get("start") ? startNs : startNs - (startNs % stepNs);
}

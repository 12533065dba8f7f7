import { z } from "zod";
import { parseAttrRef } from "@/lib/metrics/measure";
import type { FunnelQuery } from "@/lib/metrics/funnel-types";
import { BadRequestError } from "./errors";
import { spanFilterParam } from "./metrics-params";
import { parseSinceParam, nowNs, parseTimeParam } from "./time-params";

const WINDOW_UNITS: Record<string, bigint> = { s: 1n, m: 60n, h: 3600n, d: 86400n };
const MAX_WINDOW_NS = 90n * 86_400_000_000_000n;

const time = z.union([z.string(), z.number()]).optional();

/** The body of `POST /api/v1/funnels/query` (and of saved funnels). */
export const funnelBody = z
  .object({
    steps: z.array(z.string().min(1, "a step needs a TraceQL filter")).min(2, "at least 2 steps").max(10, "at most 10 steps"),
    by: z.string().default("trace"),
    window: z.string().default("1d"),
    start: time,
    end: time,
    since: z.string().optional(),
    breakdown: z.string().optional().nullable(),
  })
  .strict();

export type FunnelBody = z.infer<typeof funnelBody>;

export function parseWindow(raw: string): bigint {
  const m = /^(\d{1,6})([smhd])$/.exec(raw);
  const ns = m ? BigInt(m[1]) * WINDOW_UNITS[m[2]] * 1_000_000_000n : 0n;
  if (!m || ns <= 0n) throw new BadRequestError("window", `expected a duration like 30m, 1h or 7d, got "${raw}"`);
  if (ns > MAX_WINDOW_NS) throw new BadRequestError("window", "at most 90d");
  return ns;
}

export function toFunnelQuery(body: FunnelBody, projectId: number): FunnelQuery {
  const now = nowNs();
  const startNs = parseTimeParam("start", body.start?.toString() ?? null) ?? parseSinceParam(body.since ?? null, now) ?? now - 7n * 86_400_000_000_000n;
  const endNs = parseTimeParam("end", body.end?.toString() ?? null) ?? now;
  if (startNs >= endNs) throw new BadRequestError("end", "must be after start");
  let by: FunnelQuery["by"] = "trace";
  if (body.by !== "trace") {
    const ref = parseAttrRef(body.by);
    if (!ref) throw new BadRequestError("by", `expected "trace" or an attribute like span.user.id, got "${body.by}"`);
    by = ref;
  }
  let breakdown;
  if (body.breakdown) {
    breakdown = parseAttrRef(body.breakdown) ?? undefined;
    if (!breakdown) throw new BadRequestError("breakdown", `expected an attribute like span.customer.tier, got "${body.breakdown}"`);
  }
  const steps = body.steps.map((q, i) => {
    const filter = spanFilterParam(q, `steps[${i}]`);
    if (!filter) throw new BadRequestError(`steps[${i}]`, "{} matches every span; give the step a condition");
    return filter;
  });
  return { projectId, steps, by, windowNs: parseWindow(body.window), startNs, endNs, breakdown };
}

export function bodyProblem(err: z.ZodError) {
  const issue = err.issues[0];
  return `${issue.path.map((p) => (typeof p === "number" ? `[${p}]` : p)).join(".").replace(".[", "[") || "body"}: ${issue.message}`;
}

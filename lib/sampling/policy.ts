import { z } from "zod";
import { compileSpanPredicate } from "@/lib/traceql/evaluate-span";
import { TraceQLError } from "@/lib/traceql/errors";

/** At most this many rules per project: each is evaluated on every incoming span. */
export const MAX_SAMPLING_RULES = 50;

const rate = z.number().finite().min(0, "a rate is between 0 and 1").max(1, "a rate is between 0 and 1");

const ruleSchema = z.object({
  name: z.string().trim().min(1, "name is required").max(100, "at most 100 characters"),
  match: z.string().max(2_000, "at most 2,000 characters"),
  rate,
  priority: z.number().int("an integer").min(-1_000_000).max(1_000_000).default(0),
});

export const samplingPolicySchema = z.object({
  rules: z.array(ruleSchema).max(MAX_SAMPLING_RULES, `at most ${MAX_SAMPLING_RULES} rules`),
  defaultRate: rate.default(1),
});

export type SamplingRule = z.output<typeof ruleSchema>;
export type SamplingPolicy = z.output<typeof samplingPolicySchema>;

export class SamplingPolicyError extends Error {
  constructor(readonly path: string, detail: string, readonly from?: number, readonly to?: number) {
    super(`${path}: ${detail}`);
    this.name = "SamplingPolicyError";
  }
}

/**
 * Checks a policy body: shape (with the field named), and that every `match` is a
 * condition the ingest path can evaluate on one span. Returns it with rules in the order
 * they are applied: highest priority first; equal priorities keep their listed order.
 */
export function parseSamplingPolicy(body: unknown): SamplingPolicy {
  const parsed = samplingPolicySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SamplingPolicyError(issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "") || "body", issue.message);
  }
  parsed.data.rules.forEach((r, i) => {
    try {
      compileSpanPredicate(r.match);
    } catch (err) {
      if (err instanceof TraceQLError) throw new SamplingPolicyError(`rules[${i}].match`, err.message, err.from, err.to);
      throw err;
    }
  });
  return { ...parsed.data, rules: orderRules(parsed.data.rules) };
}

export function orderRules(rules: SamplingRule[]): SamplingRule[] {
  return rules.map((r, i) => ({ r, i })).sort((a, b) => b.r.priority - a.r.priority || a.i - b.i).map(({ r }) => r);
}

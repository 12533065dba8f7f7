import type { NormalizedSpan } from "@/lib/ingest/types";
import { processSingleton } from "@/lib/process-singleton";
import { compileSpanPredicate } from "@/lib/traceql/evaluate-span";
import type { SamplingPolicy } from "./policy";

/**
 * A trace id's randomness as a fraction in [0, 1): its last 56 bits, which W3C Trace
 * Context (level 2) makes random and OpenTelemetry's consistent samplers compare against
 * their threshold. The same trace gets the same fraction in every request and process.
 */
export function traceRandomness(traceId: string): number {
  return parseInt(traceId.slice(-14), 16) / 2 ** 56;
}

/** Decisions remembered per trace, so spans arriving minutes later follow the first ones. */
export const DECISION_CACHE_ENTRIES = 200_000;
export const DECISION_TTL_MS = 60 * 60_000;

class DecisionCache {
  private readonly map = new Map<string, { rate: number; at: number }>();

  get(key: string): number | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (Date.now() - hit.at > DECISION_TTL_MS) {
      this.map.delete(key);
      return undefined;
    }
    return hit.rate;
  }

  set(key: string, rate: number) {
    this.map.delete(key);
    this.map.set(key, { rate, at: Date.now() });
    // A Map iterates in insertion order: the first key is the oldest decision.
    if (this.map.size > DECISION_CACHE_ENTRIES) this.map.delete(this.map.keys().next().value!);
  }
}

const decisions = processSingleton("samplingDecisions", () => new DecisionCache());

export interface SamplingOutcome {
  kept: NormalizedSpan[];
  /** The rate each kept span was kept at. */
  rates: number[];
  /** Spans dropped by the rules. */
  dropped: number;
}

export interface CompiledPolicy {
  rules: { rate: number; matches: (s: NormalizedSpan) => boolean }[];
  defaultRate: number;
}

// Keyed by the policy object, which the settings cache keeps for a few seconds: rules are
// compiled once per load, not once per request.
const compiled = new WeakMap<SamplingPolicy, CompiledPolicy>();

export function compilePolicy(policy: SamplingPolicy): CompiledPolicy {
  let hit = compiled.get(policy);
  if (!hit) {
    hit = { rules: policy.rules.map((r) => ({ rate: r.rate, matches: compileSpanPredicate(r.match) })), defaultRate: policy.defaultRate };
    compiled.set(policy, hit);
  }
  return hit;
}

/** The rate of the first rule (in priority order) matching any of the spans, else the default. */
export function traceRate(policy: CompiledPolicy, spans: NormalizedSpan[]): number {
  for (const rule of policy.rules) if (spans.some(rule.matches)) return rule.rate;
  return policy.defaultRate;
}

/**
 * Keeps or drops each trace of a request whole: the first request carrying a trace
 * decides its rate (from the spans it carries), later requests reuse that decision, and
 * the trace is kept when its randomness is under the rate.
 */
export function applySampling(projectId: number, policy: SamplingPolicy | null, spans: NormalizedSpan[]): SamplingOutcome {
  if (!policy) return { kept: spans, rates: [], dropped: 0 };
  const rules = compilePolicy(policy);
  const byTrace = new Map<string, NormalizedSpan[]>();
  for (const s of spans) {
    const list = byTrace.get(s.traceId);
    if (list) list.push(s);
    else byTrace.set(s.traceId, [s]);
  }
  const kept: NormalizedSpan[] = [];
  const rates: number[] = [];
  for (const [traceId, traceSpans] of byTrace) {
    const key = `${projectId}:${traceId}`;
    let rate = decisions.get(key);
    if (rate === undefined) {
      rate = traceRate(rules, traceSpans);
      decisions.set(key, rate);
    }
    if (rate > 0 && traceRandomness(traceId) < rate) {
      for (const s of traceSpans) {
        kept.push(s);
        rates.push(rate);
      }
    }
  }
  return { kept, rates, dropped: spans.length - kept.length };
}

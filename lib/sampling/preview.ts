import { getSpanStore } from "@/lib/spans";
import type { SamplingPolicy } from "./policy";

/** The preview looks at this much recent time. */
export const PREVIEW_WINDOW_MS = 60 * 60_000;

export interface SamplingPreview {
  startMs: number;
  endMs: number;
  rules: { name: string; rate: number; traces: number; spans: number; keptTraces: number; keptSpans: number }[];
  unmatched: { rate: number; traces: number; spans: number; keptTraces: number; keptSpans: number };
  total: { traces: number; spans: number; keptTraces: number; keptSpans: number };
}

/**
 * Each stored trace of the last hour under the first rule it matches; "kept" is what the
 * rate keeps on average. Spans stored there were already sampled by any earlier policy,
 * so this previews the new rules on top of what was kept.
 */
export async function previewSampling(projectId: number, policy: SamplingPolicy, nowMs = Date.now()): Promise<SamplingPreview> {
  const store = await getSpanStore();
  const startMs = nowMs - PREVIEW_WINDOW_MS;
  const ns = (ms: number) => BigInt(ms) * 1_000_000n;
  const counts = await store.samplingPreview(projectId, policy.rules.map((r) => r.match), ns(startMs), ns(nowMs));
  const kept = (c: { traces: number; spans: number }, rate: number) => ({
    ...c, rate, keptTraces: Math.round(c.traces * rate), keptSpans: Math.round(c.spans * rate),
  });
  const rules = policy.rules.map((r, i) => ({ name: r.name, ...kept(counts.byRule[i], r.rate) }));
  const unmatched = kept(counts.unmatched, policy.defaultRate);
  const all = [...rules, unmatched];
  const sum = (k: "traces" | "spans" | "keptTraces" | "keptSpans") => all.reduce((n, r) => n + r[k], 0);
  return {
    startMs, endMs: nowMs, rules, unmatched,
    total: { traces: sum("traces"), spans: sum("spans"), keptTraces: sum("keptTraces"), keptSpans: sum("keptSpans") },
  };
}

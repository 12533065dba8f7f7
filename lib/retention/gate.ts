import type { NormalizedSpan } from "@/lib/ingest/types";

/** Spans that started before `cutoffNs` are past the project's retention: not stored. */
export function dropExpired(spans: NormalizedSpan[], cutoffNs: bigint | null): { kept: NormalizedSpan[]; expired: number } {
  if (cutoffNs === null) return { kept: spans, expired: 0 };
  const kept = spans.filter((s) => s.startNs >= cutoffNs);
  return { kept, expired: spans.length - kept.length };
}

export function retentionCutoffNs(retentionSeconds: number | null, nowMs = Date.now()): bigint | null {
  return retentionSeconds === null ? null : (BigInt(nowMs) - BigInt(retentionSeconds) * 1000n) * 1_000_000n;
}

/**
 * Bounds of the ingest write queue (see group-commit.ts). Named here so the README and
 * the 429 message can cite them.
 */
export interface WriteQueueLimits {
  /** Spans waiting for a commit; past it, ingest answers 429 with Retry-After. */
  maxQueuedSpans: number;
  /** Request bytes being read, decoded, queued or organised (decoded size is a few times this). */
  maxQueuedBytes: number;
  /** Spans committed in one transaction at most. */
  maxBatchSpans: number;
}

export const DEFAULT_WRITE_QUEUE_LIMITS: WriteQueueLimits = {
  maxQueuedSpans: 200_000,
  maxQueuedBytes: 128 * 2 ** 20,
  maxBatchSpans: 50_000,
};

function intFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`Invalid environment: ${name}: expected an integer >= ${min}, got "${raw}"`);
  return n;
}

export function ingestLimitsFromEnv(): WriteQueueLimits {
  return {
    maxQueuedSpans: intFromEnv("SPANLENS_INGEST_QUEUE_SPANS", DEFAULT_WRITE_QUEUE_LIMITS.maxQueuedSpans, 1),
    maxQueuedBytes: intFromEnv("SPANLENS_INGEST_QUEUE_MB", DEFAULT_WRITE_QUEUE_LIMITS.maxQueuedBytes / 2 ** 20, 1) * 2 ** 20,
    maxBatchSpans: intFromEnv("SPANLENS_INGEST_BATCH_SPANS", DEFAULT_WRITE_QUEUE_LIMITS.maxBatchSpans, 1),
  };
}

const S = 1_000_000_000n;
/** Steps a chart snaps to, so buckets fall on round times. */
export const NICE_STEPS_NS = [1n, 5n, 10n, 30n, 60n, 300n, 600n, 900n, 1800n, 3600n, 10800n, 21600n, 43200n, 86400n, 604800n].map((s) => s * S);
/** Points per series an automatic step aims for. */
export const TARGET_POINTS = 120;
/** Past this many buckets a chosen step is refused (the response would be huge). */
export const MAX_POINTS = 2_000;

export function autoStepNs(rangeNs: bigint): bigint {
  const ideal = rangeNs / BigInt(TARGET_POINTS);
  return NICE_STEPS_NS.find((s) => s >= ideal) ?? NICE_STEPS_NS[NICE_STEPS_NS.length - 1];
}

/** `step=30s|5m|1h|1d` -> ns. */
export function parseStep(raw: string): bigint | null {
  const m = /^(\d{1,6})(s|m|h|d)$/.exec(raw);
  if (!m) return null;
  const unit = { s: 1n, m: 60n, h: 3600n, d: 86400n }[m[2] as "s" | "m" | "h" | "d"];
  const ns = BigInt(m[1]) * unit * S;
  return ns > 0n ? ns : null;
}

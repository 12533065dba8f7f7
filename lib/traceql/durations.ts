import { TraceQLError } from "./errors";

/** Literals become BIGINT parameters; anything larger would fail inside the engine. */
export const INT64_MAX = 2n ** 63n - 1n;

const UNIT_NS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  "µs": 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/**
 * "1.5s" -> 1500000000n. Done in bigint on the decimal digits so fractional literals
 * like "0.1s" come out exact instead of going through a float.
 */
export function durationToNs(text: string, at: { from: number; to: number }): bigint {
  const m = /^(\d+)(?:\.(\d+))?(ns|us|µs|ms|s|m|h)$/.exec(text);
  if (!m) throw new TraceQLError(`invalid duration "${text}"`, at.from, at.to);
  const [, whole, frac = "", unit] = m;
  const perUnit = UNIT_NS[unit];
  const scale = 10n ** BigInt(frac.length);
  // Rounds to the nearest nanosecond; finer fractions ("1.0000000001s") cannot be stored.
  const ns = BigInt(whole) * perUnit + (BigInt(frac || "0") * perUnit * 2n + scale) / (2n * scale);
  if (ns > INT64_MAX) {
    throw new TraceQLError(`duration "${text}" does not fit in 64-bit nanoseconds (at most about 2562047h)`, at.from, at.to);
  }
  return ns;
}

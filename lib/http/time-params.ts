import { BadRequestError } from "./errors";

const NS_PER_S = 1_000_000_000n;
const UNIT_NS: Record<string, bigint> = { s: NS_PER_S, m: 60n * NS_PER_S, h: 3600n * NS_PER_S, d: 86400n * NS_PER_S, w: 604800n * NS_PER_S };

/** Times are bound as BIGINT unix nanoseconds, which end on 2262-04-11. */
export const MAX_NS = 2n ** 63n - 1n;

/** `start`/`end` as unix seconds (fractions allowed) or RFC 3339 -> unix nanoseconds. */
export function parseTimeParam(name: string, raw: string | null): bigint | undefined {
  if (raw === null || raw === "") return undefined;
  let ns: bigint | undefined;
  const seconds = /^(\d{1,11})(?:\.(\d{1,9}))?$/.exec(raw);
  if (seconds) ns = BigInt(seconds[1]) * NS_PER_S + BigInt((seconds[2] ?? "").padEnd(9, "0"));
  else if (/^\d{4}-\d{2}-\d{2}T/.test(raw)) {
    const ms = Date.parse(raw);
    if (!Number.isNaN(ms)) ns = BigInt(ms) * 1_000_000n;
  }
  if (ns === undefined) throw new BadRequestError(name, `expected unix seconds or an RFC 3339 time, got "${raw}"`);
  // Spans carry unsigned unix nanoseconds, so nothing lies before 1970 either.
  if (ns < 0n || ns > MAX_NS) {
    throw new BadRequestError(name, `"${raw}" is outside 1970-01-01 to 2262-04-11, the times 64-bit nanoseconds hold`);
  }
  return ns;
}

/** `since=90s|15m|1h|7d|2w`: a range ending now. Longer than the epoch is "since 1970". */
export function parseSinceParam(raw: string | null, nowNs: bigint): bigint | undefined {
  if (!raw) return undefined;
  const m = /^(\d{1,6})([smhdw])$/.exec(raw);
  if (!m) throw new BadRequestError("since", `expected a relative range like 15m, 1h or 7d, got "${raw}"`);
  const start = nowNs - BigInt(m[1]) * UNIT_NS[m[2]];
  return start < 0n ? 0n : start;
}

export function nowNs() {
  return BigInt(Date.now()) * 1_000_000n;
}

export function parseLimit(raw: string | null, fallback: number, max: number): number {
  if (raw === null || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new BadRequestError("limit", `expected an integer from 1 to ${max}, got "${raw}"`);
  return n;
}

import { BadRequestError } from "./errors";

const NS_PER_S = 1_000_000_000n;
const UNIT_NS: Record<string, bigint> = { s: NS_PER_S, m: 60n * NS_PER_S, h: 3600n * NS_PER_S, d: 86400n * NS_PER_S, w: 604800n * NS_PER_S };

/** `start`/`end` as unix seconds (fractions allowed) or RFC 3339 -> unix nanoseconds. */
export function parseTimeParam(name: string, raw: string | null): bigint | undefined {
  if (raw === null || raw === "") return undefined;
  const seconds = /^(\d{1,11})(?:\.(\d{1,9}))?$/.exec(raw);
  if (seconds) return BigInt(seconds[1]) * NS_PER_S + BigInt((seconds[2] ?? "").padEnd(9, "0"));
  if (/^\d{4}-\d{2}-\d{2}T/.test(raw)) {
    const ms = Date.parse(raw);
    if (!Number.isNaN(ms)) return BigInt(ms) * 1_000_000n;
  }
  throw new BadRequestError(name, `expected unix seconds or an RFC 3339 time, got "${raw}"`);
}

/** `since=90s|15m|1h|7d|2w`: a range ending now. */
export function parseSinceParam(raw: string | null, nowNs: bigint): bigint | undefined {
  if (!raw) return undefined;
  const m = /^(\d{1,6})([smhdw])$/.exec(raw);
  if (!m) throw new BadRequestError("since", `expected a relative range like 15m, 1h or 7d, got "${raw}"`);
  return nowNs - BigInt(m[1]) * UNIT_NS[m[2]];
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

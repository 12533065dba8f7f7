import { autoStepNs, parseStep } from "@/lib/metrics/step";

/**
 * A chart's time range as the URL holds it: relative (`since=24h`, it moves with the
 * clock) or pinned (`start`/`end` in unix seconds, the same for everyone who opens it).
 */
export type ChartRange = { since: string } | { start: number; end: number };

export const DEFAULT_SINCE = "24h";
export const SINCE_CHOICES = ["15m", "1h", "6h", "24h", "7d"] as const;
export const STEP_CHOICES = ["1m", "5m", "15m", "30m", "1h", "3h", "6h", "1d"] as const;

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const UNIT_WORD: Record<string, string> = { s: "s", m: "min", h: "h", d: "d", w: "w" };

/** `15m` -> 900000; null when it is not a duration the API accepts. */
export function durationMs(text: string): number | null {
  const m = /^(\d{1,6})([smhdw])$/.exec(text);
  return m ? Number(m[1]) * UNIT_MS[m[2]] : null;
}

export function rangeFromUrl(u: { since?: string | null; start?: number | null; end?: number | null }): ChartRange {
  if (u.start != null && u.end != null && u.end > u.start) return { start: u.start, end: u.end };
  return { since: u.since && durationMs(u.since) ? u.since : DEFAULT_SINCE };
}

export function isPinned(r: ChartRange): r is { start: number; end: number } {
  return "start" in r;
}

/** The range as API query parameters. */
export function rangeParams(r: ChartRange): Record<string, string> {
  return isPinned(r) ? { start: String(r.start), end: String(r.end) } : { since: r.since };
}

/** Both ends in epoch ms, relative ranges resolved against `nowMs`. */
export function resolveRange(r: ChartRange, nowMs: number): { startMs: number; endMs: number } {
  if (isPinned(r)) return { startMs: r.start * 1000, endMs: r.end * 1000 };
  return { startMs: nowMs - (durationMs(r.since) ?? 86_400_000), endMs: nowMs };
}

/** How long a range is, without needing the clock. */
export function rangeSpanMs(r: ChartRange): number {
  return isPinned(r) ? (r.end - r.start) * 1000 : durationMs(r.since) ?? 86_400_000;
}

/**
 * Pins a range where it is now, so a shared link shows the same data tomorrow. Whole
 * seconds (the URL's unit), keeping the range's length: rounding both ends outwards made
 * "7 d" one second longer, and that second became an extra bucket past the end.
 */
export function pinRange(r: ChartRange, nowMs: number): { start: number; end: number } {
  const end = Math.ceil(resolveRange(r, nowMs).endMs / 1000);
  return { start: end - Math.round(rangeSpanMs(r) / 1000), end };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** `2025-03-04 10:00` in UTC: pinned ranges are written in UTC so every reader agrees. */
function utcStamp(ms: number, withDate: boolean): string {
  const d = new Date(ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return withDate ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${time}` : time;
}

/** `last 24 h` for a moving range; `2025-03-04 10:00–11:00 UTC` for a pinned one. */
export function describeRange(r: ChartRange): string {
  if (!isPinned(r)) {
    const m = /^(\d+)([smhdw])$/.exec(r.since);
    return m ? `last ${m[1]} ${UNIT_WORD[m[2]]}` : `last ${r.since}`;
  }
  const startMs = r.start * 1000;
  const endMs = r.end * 1000;
  const sameDay = new Date(startMs).toISOString().slice(0, 10) === new Date(endMs).toISOString().slice(0, 10);
  return `${utcStamp(startMs, true)}–${utcStamp(endMs, !sameDay)} UTC`;
}

/**
 * A range as /traces reads it. That page parses `start`/`end` as RFC 3339 times (unix
 * seconds are dropped there), and the API accepts both, so links use RFC 3339.
 */
export function tracesRangeParams(r: ChartRange | { startMs: number; endMs: number }): Record<string, string> {
  if ("startMs" in r) return { start: new Date(r.startMs).toISOString(), end: new Date(r.endMs).toISOString() };
  return isPinned(r) ? tracesRangeParams({ startMs: r.start * 1000, endMs: r.end * 1000 }) : { since: r.since };
}

/** Step written the way the API reads it (`300000` -> `5m`), for labels. */
export function stepLabel(stepMs: number): string {
  for (const [unit, ms] of [["d", 86_400_000], ["h", 3_600_000], ["m", 60_000], ["s", 1000]] as const) {
    if (stepMs >= ms && stepMs % ms === 0) return `${stepMs / ms}${unit}`;
  }
  return `${stepMs}ms`;
}

/**
 * A moving range pinned at `nowMs` whose start falls on a multiple of the step the server
 * will use (the chosen `step`, else the automatic one), as the metrics API aligns a `since`
 * range itself: the buckets then start on round times and an axis can tick on them.
 */
export function pinRangeOnSteps(r: ChartRange, nowMs: number, step: string): { start: number; end: number } {
  const { start, end } = pinRange(r, nowMs);
  const stepS = Number((parseStep(step) ?? autoStepNs(BigInt(end - start) * 1_000_000_000n)) / 1_000_000_000n);
  return { start: stepS > 0 ? Math.floor(start / stepS) * stepS : start, end };
}

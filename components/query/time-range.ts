/** A search's time range: relative ("last 1 h", moves with the clock) or absolute (pinned). */
export type TimeRange = { kind: "relative"; since: string } | { kind: "absolute"; startMs: number; endMs: number };

export const DEFAULT_SINCE = "24h";
export const DEFAULT_RANGE: TimeRange = { kind: "relative", since: DEFAULT_SINCE };

export const PRESETS = ["15m", "1h", "6h", "24h", "7d", "30d"] as const;

const SINCE = /^(\d{1,6})([smhdw])$/;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const UNIT_WORD: Record<string, string> = { s: "s", m: "min", h: "h", d: "d", w: "w" };

/** `15m` -> 900000, or null when it is not a relative range the API accepts. */
export function sinceMs(since: string): number | null {
  const m = SINCE.exec(since);
  return m ? Number(m[1]) * UNIT_MS[m[2]] : null;
}

export function isSince(s: string): boolean {
  return SINCE.test(s);
}

/** `last 15 min`, `last 24 h`, `last 7 d`. */
export function sinceLabel(since: string): string {
  const m = SINCE.exec(since);
  return m ? `last ${m[1]} ${UNIT_WORD[m[2]]}` : since;
}

function parts(ms: number, timeZone?: string) {
  const f = new Intl.DateTimeFormat("en-CA", {
    timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short",
  }).formatToParts(new Date(ms));
  const get = (t: Intl.DateTimeFormatPartTypes) => f.find((p) => p.type === t)?.value ?? "";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}`, zone: get("timeZoneName") };
}

/** `2026-11-24 10:00–11:00 UTC`, or with both dates when the range crosses midnight. */
export function absoluteLabel(startMs: number, endMs: number, timeZone?: string): string {
  const a = parts(startMs, timeZone);
  const b = parts(endMs, timeZone);
  return a.date === b.date ? `${a.date} ${a.time}–${b.time} ${b.zone}` : `${a.date} ${a.time} – ${b.date} ${b.time} ${b.zone}`;
}

export function rangeLabel(range: TimeRange, timeZone?: string): string {
  return range.kind === "relative" ? sinceLabel(range.since) : absoluteLabel(range.startMs, range.endMs, timeZone);
}

/** The range as the search API takes it. */
export function rangeParams(range: TimeRange): Record<string, string> {
  if (range.kind === "relative") return { since: range.since };
  return { start: new Date(range.startMs).toISOString(), end: new Date(range.endMs).toISOString() };
}

/** The same window as it is at `nowMs`, pinned: what a link that pins the time range carries. */
export function pinRange(range: TimeRange, nowMs: number): { startMs: number; endMs: number } {
  if (range.kind === "absolute") return { startMs: range.startMs, endMs: range.endMs };
  return { startMs: nowMs - (sinceMs(range.since) ?? 0), endMs: nowMs };
}

/** A preset a step wider than `range`, for "try a longer time range"; null past the widest. */
export function widerPreset(range: TimeRange): string | null {
  const span = range.kind === "relative" ? sinceMs(range.since) ?? 0 : range.endMs - range.startMs;
  return PRESETS.find((p) => (sinceMs(p) ?? 0) > span) ?? null;
}

/** `<input type="datetime-local">` value for a time, in the browser's zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The inverse of toLocalInput; NaN when the input is empty or invalid. */
export function fromLocalInput(value: string): number {
  return value ? new Date(value).getTime() : NaN;
}

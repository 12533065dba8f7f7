/** Unix nanoseconds (a decimal string: they do not fit a JS number) -> epoch milliseconds,
 * keeping microseconds as the fraction. */
export function nanosToMs(unixNano: string): number {
  if (!/^\d+$/.test(unixNano)) return NaN;
  return Number(BigInt(unixNano) / 1000n) / 1000;
}

const UNITS: { unit: string; ms: number }[] = [
  { unit: "d", ms: 86_400_000 },
  { unit: "h", ms: 3_600_000 },
  { unit: "min", ms: 60_000 },
  { unit: "s", ms: 1000 },
];

/**
 * How long ago a unix-nano time was, relative to `nowMs`: `just now`, `12 s ago`,
 * `4 min ago`, `3 h ago`, `2 d ago`. Times in the future (clock skew) read `in 3 s`.
 */
export function formatRelative(unixNano: string, nowMs: number): string {
  const at = nanosToMs(unixNano);
  if (!Number.isFinite(at)) return "—";
  const diff = nowMs - at;
  const abs = Math.abs(diff);
  if (abs < 5000) return "just now";
  for (const { unit, ms } of UNITS) {
    if (abs < ms) continue;
    const n = Math.floor(abs / ms);
    return diff >= 0 ? `${n} ${unit} ago` : `in ${n} ${unit}`;
  }
  return "just now";
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? "";
}

/**
 * Absolute time with milliseconds and the time zone: `2025-11-24 21:08:03.123 UTC`.
 * `timeZone` defaults to the runtime's own (the browser's, in the dashboard).
 */
export function formatAbsolute(unixNano: string, timeZone?: string): string {
  const ms = nanosToMs(unixNano);
  if (!Number.isFinite(ms)) return "—";
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).formatToParts(new Date(Math.floor(ms)));
  const millis = Math.floor(ms % 1000).toString().padStart(3, "0");
  const date = `${part(parts, "year")}-${part(parts, "month")}-${part(parts, "day")}`;
  const time = `${part(parts, "hour")}:${part(parts, "minute")}:${part(parts, "second")}.${millis}`;
  return `${date} ${time} ${part(parts, "timeZoneName")}`;
}

/** Offset of a time from a reference, both unix-nano strings, in milliseconds. */
export function offsetMs(unixNano: string, fromUnixNano: string): number {
  if (!/^\d+$/.test(unixNano) || !/^\d+$/.test(fromUnixNano)) return NaN;
  return Number(BigInt(unixNano) - BigInt(fromUnixNano)) / 1e6;
}

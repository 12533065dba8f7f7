/**
 * Chart times in the browser's zone. Charts render only after hydration (see ChartFrame),
 * so the server never has to guess the zone.
 */
const hm = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const dayHm = new Intl.DateTimeFormat("en-GB", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const hms = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
const day = new Intl.DateTimeFormat("en-GB", { month: "short", day: "numeric" });
const zone = () => new Intl.DateTimeFormat("en-US", { timeZoneName: "short" }).formatToParts(new Date()).find((p) => p.type === "timeZoneName")?.value ?? "";

/** Axis ticks: `14:05` within a day, `24 Nov 14:00` within a week, else `24 Nov`. */
export function axisTime(ms: number, spanMs: number): string {
  if (spanMs <= 36 * 3_600_000) return hm.format(ms);
  if (spanMs <= 8 * 86_400_000) return dayHm.format(ms);
  return day.format(ms);
}

/** A bucket for tooltips and tables: `24 Nov 14:05–14:10 CET` (with seconds for sub-minute steps). */
export function bucketTime(t: number, stepMs: number): string {
  const end = t + stepMs;
  if (stepMs < 60_000) return `${day.format(t)} ${hms.format(t)}–${hms.format(end)} ${zone()}`;
  const sameDay = new Date(t).toDateString() === new Date(end).toDateString();
  return `${dayHm.format(t)}–${sameDay ? hm.format(end) : dayHm.format(end)} ${zone()}`;
}

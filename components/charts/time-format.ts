/**
 * Chart times in the browser's zone. Charts render only after hydration (see ChartFrame),
 * so the server never has to guess the zone.
 */
const hm = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const dayHm = new Intl.DateTimeFormat("en-GB", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const hms = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
const day = new Intl.DateTimeFormat("en-GB", { month: "short", day: "numeric" });
const zone = () => new Intl.DateTimeFormat("en-US", { timeZoneName: "short" }).formatToParts(new Date()).find((p) => p.type === "timeZoneName")?.value ?? "";

const localMidnight = (ms: number) => {
  const d = new Date(ms);
  return d.getHours() === 0 && d.getMinutes() === 0;
};

/**
 * Axis ticks: `14:05` within a day, `24 Nov 14:00` within a week, else `24 Nov`. A tick on
 * local midnight shows the date instead, so a range that spans midnight says which day.
 */
export function axisTime(ms: number, spanMs: number): string {
  if (localMidnight(ms)) return day.format(ms);
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

const TICK_STEPS_MIN = [1, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10_080];

/**
 * Round-time ticks among the chart's bucket starts: the finest of 1 min … 1 week (on local
 * hour and day boundaries) that gives at most `max` ticks. Undefined lets the chart choose,
 * when the buckets do not fall on round times.
 */
export function roundTimeTicks(ts: number[], max = 8): number[] | undefined {
  if (ts.length < 3) return undefined;
  const span = ts[ts.length - 1] - ts[0];
  const local = (t: number) => t - new Date(t).getTimezoneOffset() * 60_000;
  for (const minutes of TICK_STEPS_MIN) {
    const every = minutes * 60_000;
    if (span / every > max) continue;
    const picked = ts.filter((t) => local(t) % every === 0);
    if (picked.length >= 2) return picked;
  }
  return undefined;
}

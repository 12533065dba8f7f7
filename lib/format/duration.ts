/** One step of the unit ladder below a minute: the value is `ms * factor` in `unit`. */
const SUB_MINUTE: { unit: string; factor: number; below: number }[] = [
  { unit: "ns", factor: 1e6, below: 1e-3 },
  { unit: "µs", factor: 1e3, below: 1 },
  { unit: "ms", factor: 1, below: 1e3 },
  { unit: "s", factor: 1e-3, below: 60e3 },
];

/** Three significant digits, keeping trailing zeros so columns line up (`1.20 s`). */
function threeSig(v: number): string {
  return v >= 100 ? Math.round(v).toString() : v.toPrecision(3);
}

function pad2(n: number) {
  return n.toString().padStart(2, "0");
}

/**
 * A duration in milliseconds as people read it: `850 µs`, `12.4 ms`, `3.21 s`,
 * `2 m 05 s`, `1 h 02 m`, `3 d 04 h`. Invalid input reads as an em dash.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms === 0) return "0 ms";
  for (const step of SUB_MINUTE) {
    if (ms >= step.below) continue;
    const v = ms * step.factor;
    // Rounding can carry into the next unit (999.7 µs -> "1000 µs"): let the next step show it.
    if (Math.round(v) >= 1000 || (step.unit === "s" && Math.round(v) >= 60)) continue;
    return `${threeSig(v)} ${step.unit}`;
  }
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 3600) return `${Math.floor(totalSeconds / 60)} m ${pad2(totalSeconds % 60)} s`;
  const totalMinutes = Math.round(ms / 60_000);
  if (totalMinutes < 24 * 60) return `${Math.floor(totalMinutes / 60)} h ${pad2(totalMinutes % 60)} m`;
  const totalHours = Math.round(ms / 3_600_000);
  return `${Math.floor(totalHours / 24)} d ${pad2(totalHours % 24)} h`;
}

/** A signed offset from a reference time: `+12.4 ms`, `−850 µs`. */
export function formatOffset(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  return `${ms < 0 ? "−" : "+"}${formatDuration(Math.abs(ms))}`;
}

export interface Tick {
  /** Offset from the trace start, ns. */
  ns: number;
  label: string;
}

const UNITS: [size: number, name: string][] = [[1, "ns"], [1e3, "µs"], [1e6, "ms"], [1e9, "s"]];

/** 1, 2 or 5 times a power of ten: ticks people can add up. */
export function niceStep(rangeNs: number, count: number): number {
  const raw = Math.max(rangeNs / Math.max(count, 1), 1);
  const pow = 10 ** Math.floor(Math.log10(raw));
  const f = raw / pow;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * pow;
}

/**
 * Labels that stay distinct however deep the zoom: the unit follows the step (`20 ms`),
 * moving up with decimals when numbers would get long (`1200.2 ms`, not `1200200 µs`).
 */
export function tickFormatter(stepNs: number, maxNs: number): (ns: number) => string {
  let u = 0;
  while (u < UNITS.length - 1 && UNITS[u + 1][0] <= stepNs) u++;
  while (u < UNITS.length - 1 && maxNs / UNITS[u][0] >= 1e4) u++;
  const [size, name] = UNITS[u];
  const decimals = Math.max(0, Math.ceil(-Math.log10(stepNs / size) - 1e-9));
  return (ns) => `${(ns / size).toFixed(decimals)} ${name}`;
}

/** Ticks between `fromNs` and `toNs`, about `count` of them, on round offsets. */
export function timeTicks(fromNs: number, toNs: number, count: number): Tick[] {
  if (!(toNs > fromNs)) return [{ ns: fromNs, label: tickFormatter(1, fromNs)(fromNs) }];
  const step = niceStep(toNs - fromNs, count);
  const format = tickFormatter(step, Math.max(Math.abs(fromNs), Math.abs(toNs)));
  const ticks: Tick[] = [];
  for (let k = Math.ceil(fromNs / step); k * step <= toNs + step * 1e-9; k++) ticks.push({ ns: k * step, label: format(k * step) });
  return ticks;
}

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** Exact, with thousands separators: `1,204`. */
export function formatInteger(n: number): string {
  return Number.isFinite(n) ? grouped.format(n) : "—";
}

const SUFFIXES = [
  { suffix: "B", size: 1e9 },
  { suffix: "M", size: 1e6 },
  { suffix: "k", size: 1e3 },
];

/**
 * A count for tables and summaries: exact below ten thousand (`1,204`), compact above
 * (`18.3k`, `183k`, `2.1M`), so a column never grows past a few characters.
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return "—";
  const abs = Math.abs(n);
  if (abs < 10_000) return formatInteger(n);
  const sign = n < 0 ? "-" : "";
  for (let i = 0; i < SUFFIXES.length; i++) {
    const { suffix, size } = SUFFIXES[i];
    if (abs < size) continue;
    const v = abs / size;
    const shown = v < 100 ? Math.round(v * 10) / 10 : Math.round(v);
    // 999.96k rounds to 1000k: show it as 1M instead (the next larger unit).
    if (shown >= 1000 && i > 0) {
      const up = SUFFIXES[i - 1];
      return `${sign}${trimZero(Math.round((abs / up.size) * 10) / 10)}${up.suffix}`;
    }
    return `${sign}${trimZero(shown)}${suffix}`;
  }
  return formatInteger(n);
}

function trimZero(v: number): string {
  return Number.isInteger(v) ? v.toString() : v.toFixed(1);
}

/** `12.3%` from a ratio in [0, 1]. */
export function formatPercent(ratio: number): string {
  return Number.isFinite(ratio) ? `${(ratio * 100).toFixed(1)}%` : "—";
}

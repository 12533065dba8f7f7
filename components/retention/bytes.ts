const UNITS = ["B", "KB", "MB", "GB", "TB"];

/**
 * Bytes with 3 significant digits in the units SPANLENS_MAX_DISK takes (powers of 1024, as
 * there): `812 B`, `18.4 KB`, `412 MB`, `1.23 GB`.
 */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return "—";
  let i = 0;
  let v = n;
  while (v >= 1000 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  const shown = i === 0 ? String(Math.round(v)) : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
  return `${shown} ${UNITS[i]}`;
}

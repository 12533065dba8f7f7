/** `SPANLENS_MAX_DISK` like `20GB`, `500MB` or a byte count; null when unset. */
const UNITS: Record<string, number> = { b: 1, kb: 2 ** 10, mb: 2 ** 20, gb: 2 ** 30, tb: 2 ** 40 };

export function parseByteSize(raw: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb)?$/i.exec(raw.trim());
  if (!m) throw new Error(`expected a size like 500MB or 20GB, got "${raw}"`);
  const bytes = Math.floor(Number(m[1]) * UNITS[(m[2] ?? "b").toLowerCase()]);
  if (bytes < 16 * 2 ** 20) throw new Error(`a disk budget under 16MB cannot hold a store, got "${raw}"`);
  return bytes;
}

export function maxDiskBytes(): number | null {
  const raw = process.env.SPANLENS_MAX_DISK?.trim();
  if (!raw) return null;
  try {
    return parseByteSize(raw);
  } catch (err) {
    throw new Error(`Invalid environment: SPANLENS_MAX_DISK: ${(err as Error).message}`);
  }
}

/**
 * Retention periods as people write them: `36h`, `7d`, `2w`; `unlimited` keeps everything.
 * Shorter than an hour is refused: purges work in hour slices, and a typo like `7m` for
 * "seven months" must not delete almost everything.
 */
const UNIT_SECONDS: Record<string, number> = { h: 3_600, d: 86_400, w: 604_800 };
export const MIN_RETENTION_SECONDS = 3_600;
/** Ten years: past that, "unlimited" says it better. */
export const MAX_RETENTION_SECONDS = 10 * 365 * 86_400;
export const UNLIMITED = "unlimited";

export class RetentionPeriodError extends Error {}

/** Seconds, or null for unlimited. Throws RetentionPeriodError with what was wrong. */
export function parseRetention(raw: string): number | null {
  const text = raw.trim().toLowerCase();
  if (text === UNLIMITED) return null;
  const m = /^(\d{1,6})\s*([hdw])$/.exec(text);
  if (!m) throw new RetentionPeriodError(`expected a period like 36h, 7d or 2w, or "${UNLIMITED}"; got "${raw}"`);
  const seconds = Number(m[1]) * UNIT_SECONDS[m[2]];
  if (seconds < MIN_RETENTION_SECONDS) throw new RetentionPeriodError(`retention must be at least 1h, got "${raw}"`);
  if (seconds > MAX_RETENTION_SECONDS) throw new RetentionPeriodError(`retention must be at most 10 years (or "${UNLIMITED}"), got "${raw}"`);
  return seconds;
}

/** The instance default: SPANLENS_RETENTION, else 30 days. */
export const DEFAULT_RETENTION = "30d";

export function defaultRetention(): string {
  const raw = process.env.SPANLENS_RETENTION?.trim() || DEFAULT_RETENTION;
  try {
    parseRetention(raw);
  } catch (err) {
    throw new Error(`Invalid environment: SPANLENS_RETENTION: ${(err as Error).message}`);
  }
  return raw;
}

/** A project's effective retention (its own, else the default) in seconds, or null. */
export function effectiveRetentionSeconds(projectRetention: string | null): number | null {
  return parseRetention(projectRetention ?? defaultRetention());
}

/** Seconds back to the shortest text: 604800 -> "1w", 36 * 3600 -> "36h"; null -> "unlimited". */
export function formatRetention(seconds: number | null): string {
  if (seconds === null) return UNLIMITED;
  for (const [unit, size] of [["w", 604_800], ["d", 86_400]] as const) if (seconds % size === 0) return `${seconds / size}${unit}`;
  return `${Math.round(seconds / 3_600)}h`;
}

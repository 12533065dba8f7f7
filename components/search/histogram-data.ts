import type { DurationHistogram } from "@/lib/contract";

export interface Bar {
  fromMs: number;
  toMs: number;
  count: number;
  /** Stands for a long run of empty buckets, drawn as one narrow gap. */
  gap?: boolean;
}

/** Empty buckets in a row beyond which they fold into one gap bar (a decade and a half). */
const FOLD_AFTER = 6;

/** Buckets per decade on the server's log scale (see DurationHistogram). */
const PER_DECADE = 4;
const step = (ms: number) => Math.round(Math.log10(ms) * PER_DECADE);

/**
 * The server only sends buckets that have traces; the chart needs the empty ones between
 * them too, or a gap in durations would look like neighbouring bars. A narrow spread is
 * padded to `minBars` so three buckets do not stretch across the whole chart.
 */
export function fillBuckets(buckets: DurationHistogram["buckets"], minBars = 12): Bar[] {
  const real = buckets.filter((b) => b.fromMs > 0);
  if (real.length === 0) return buckets.map((b) => ({ ...b }));
  const byStep = new Map(real.map((b) => [step(b.fromMs), b]));
  const pad = Math.max(0, minBars - (step(real[real.length - 1].fromMs) - step(real[0].fromMs) + 1));
  const first = step(real[0].fromMs) - Math.floor(pad / 2);
  const last = step(real[real.length - 1].fromMs) + Math.ceil(pad / 2);
  const out: Bar[] = buckets.filter((b) => b.fromMs <= 0).map((b) => ({ ...b }));
  for (let k = first; k <= last; k++) {
    const b = byStep.get(k);
    if (b) {
      out.push({ ...b });
      continue;
    }
    // A few outliers far from the rest (a 1 µs span among 10 ms ones) would otherwise leave
    // most of the chart empty: a long empty run becomes one gap bar.
    let end = k;
    while (end + 1 <= last && !byStep.has(end + 1)) end++;
    if (end - k + 1 > FOLD_AFTER) {
      out.push({ fromMs: 10 ** (k / PER_DECADE), toMs: 10 ** ((end + 1) / PER_DECADE), count: 0, gap: true });
      k = end;
    } else out.push({ fromMs: 10 ** (k / PER_DECADE), toMs: 10 ** ((k + 1) / PER_DECADE), count: 0 });
  }
  return out;
}

/**
 * An upper bound on the `p` quantile (0..1): the top of the bucket it falls in. Labelled as
 * an estimate wherever shown, since the buckets are a quarter-decade wide.
 */
export function quantileUpperBound(bars: Bar[], p: number): number | null {
  const total = bars.reduce((n, b) => n + b.count, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const b of bars) {
    seen += b.count;
    if (seen >= p * total) return b.toMs;
  }
  return bars[bars.length - 1].toMs;
}

/**
 * The duration range a selection of bars stands for; an edge bar leaves that side open
 * (selecting from the first bar means "anything up to…").
 */
export function selectionRange(bars: Bar[], a: number, b: number): { fromMs: number | null; toMs: number | null } {
  const lo = Math.max(0, Math.min(a, b));
  const hi = Math.min(bars.length - 1, Math.max(a, b));
  return { fromMs: lo === 0 ? null : bars[lo].fromMs, toMs: hi === bars.length - 1 ? null : bars[hi].toMs };
}

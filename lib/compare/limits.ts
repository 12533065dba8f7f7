/**
 * The limits of "What is different?" (README, "Limits"). Engines and the shaper share them.
 */
import { MAX_POINTS, NICE_STEPS_NS } from "@/lib/metrics/step";

/** Values shown per attribute; the rest fold into "other". */
export const TOP_VALUES = 8;
/**
 * Values an engine hands back: those whose share of the selection plus share of the baseline
 * reaches this. Smaller ones could never change a ranking and only count towards "other";
 * it keeps ids and other high-cardinality values from flooding the answer.
 */
export const MIN_VALUE_SHARE = 0.002;
/**
 * A string key with more distinct values than this share of its spans is id-like (user ids,
 * session ids): its values are not counted one by one, since none could reach MIN_VALUE_SHARE
 * worth showing; it shows as "other" and missing. Counting them was most of the work.
 */
export const ID_LIKE_SHARE = 0.5;
/** A numeric key with at most this many distinct values is compared value by value, not in ranges. */
export const CATEGORICAL_NUMBERS = 10;
/** Quantiles of each side that become the shared range edges of a numeric key (up to 2 × 4 edges). */
export const RANGE_QUANTILES = [0.2, 0.4, 0.6, 0.8];
/** Above this many spans on a side, that side is sampled down to about this many (by span id hash). */
export const COMPARE_SAMPLE_SPANS = 30_000;
/**
 * DuckDB: spans in the range whose attributes are read at most (whole vectors of 2,048 spans,
 * DuckDB's system sample), since decoding the attribute maps is most of the cost...
 */
export const COMPARE_SCAN_SPANS = 150_000;
/** ...unless the selection would keep fewer than this many spans: then more is read. */
export const COMPARE_MIN_SELECTION = 5_000;
/** Attributes in an answer, the highest scores. */
export const MAX_COMPARE_ATTRIBUTES = 100;

/**
 * The longest window a comparison reads, each side's and both together (from the earlier start to
 * the later end): the longest range a /metrics chart draws with its automatic step, MAX_POINTS
 * buckets of the largest automatic step (a week), so every window a chart offers fits and
 * `baselineStart: 0` does not scan from 1970. (With a chosen step of up to 365 d the metrics API
 * takes longer ranges still, longer than 64-bit nanoseconds reach: no limit at all.)
 */
export const MAX_COMPARE_WINDOW_NS = BigInt(MAX_POINTS) * NICE_STEPS_NS[NICE_STEPS_NS.length - 1];
export const MAX_COMPARE_WINDOW_TEXT = `${MAX_POINTS.toLocaleString("en-US")} weeks`;

/** The fraction of a side to read so that about COMPARE_SAMPLE_SPANS remain (1 when it is smaller). */
export function sampleFraction(spans: number, limit = COMPARE_SAMPLE_SPANS): number {
  return spans > limit ? limit / spans : 1;
}

/** Hash buckets the sample is drawn in: a span is kept when hash(span id) % SAMPLE_BUCKETS < fraction × SAMPLE_BUCKETS. */
export const SAMPLE_BUCKETS = 1_000_000;

/**
 * DuckDB: the share of vectors to read, sized from every span starting in either window, matched
 * or not (a row filter still decodes the maps of each span it reads, so a selective baseline does
 * not make the read smaller), but not from a gap between two windows apart; raised so the selection
 * keeps COMPARE_MIN_SELECTION spans.
 */
export function scanFraction(spans: { selection: number; inWindows: number }, limit = COMPARE_SAMPLE_SPANS): number {
  const scan = sampleFraction(spans.inWindows, limit * (COMPARE_SCAN_SPANS / COMPARE_SAMPLE_SPANS));
  if (spans.selection * scan >= COMPARE_MIN_SELECTION) return scan;
  return Math.min(1, COMPARE_MIN_SELECTION / Math.max(spans.selection, 1));
}

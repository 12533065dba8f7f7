/**
 * Every ingest limit, named once. The README's "Limits" table lists the same names;
 * going over one is a 413 (body) or 400 (everything else) that states the limit.
 */
export const INGEST_LIMITS = {
  /** Request body after gzip decompression. */
  maxBodyBytes: 32 * 1024 * 1024,
  /** Spans in one request. */
  maxSpansPerRequest: 100_000,
  /** Attributes on one span, one resource, one event or one link. */
  maxAttributesPerSpan: 512,
  /** Characters in one string value or attribute key. */
  maxValueLength: 64 * 1024,
  /** Nesting of arrays and kvlists inside one attribute value. */
  maxValueDepth: 8,
  /** Events on one span. */
  maxEventsPerSpan: 1_000,
  /** Links on one span. */
  maxLinksPerSpan: 1_000,
} as const;

export type IngestLimitName = keyof typeof INGEST_LIMITS;

/**
 * What storage holds: int values and Unix-nanosecond times are signed 64-bit. Decoders check
 * against these so every format answers 400 for the same values instead of failing at insert.
 */
export const MIN_INT64 = -(1n << 63n);
export const MAX_INT64 = (1n << 63n) - 1n;
/** The last time a signed 64-bit count of nanoseconds reaches, for error messages. */
export const MAX_TIME_ISO = "2262-04-11T23:47:16.854775807Z";

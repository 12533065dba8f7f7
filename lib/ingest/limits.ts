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

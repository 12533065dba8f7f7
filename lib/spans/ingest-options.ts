export interface IngestOptions {
  /** The request's size on the wire, counted against the write queue's byte bound. */
  bytes?: number;
  /** True when the caller reserved `bytes` before reading the request (`SpanStore.reserve`). */
  reserved?: boolean;
  /** Per span, the sample rate it was kept at (0 < rate <= 1); 1 when absent. */
  sampleRates?: ArrayLike<number>;
}

export interface PurgeResult {
  /** Spans deleted. */
  spans: number;
}

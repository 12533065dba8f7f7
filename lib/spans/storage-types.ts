export interface PurgeResult {
  /** Spans deleted. */
  spans: number;
}

export interface StorageStats {
  engine: string;
  /** Bytes in use by the whole store (all projects); what SPANLENS_MAX_DISK limits. */
  usedBytes: number;
  fileBytes: number;
  walBytes: number;
  /** This project's spans and their time span, unix nanoseconds as decimal strings. */
  spans: number;
  oldestStartNs: string | null;
  newestStartNs: string | null;
}

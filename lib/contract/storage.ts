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

export interface WriterStats {
  queuedSpans: number;
  queuedBytes: number;
  queuedRequests: number;
  committedSpans: number;
  commits: number;
  rejectedOverload: number;
  /** Acknowledged spans the background step has not organised yet (0 for engines without one). */
  backlogSpans: number;
}

import type { AttrRef, Measure } from "./measure";

/**
 * A group-by: an attribute, an intrinsic (`name`, `status`, `kind`, `service`), or the
 * power-of-two bucket of a value (TraceQL's histogram_over_time, as Tempo buckets it: the
 * bucket's upper bound, 2^ceil(log2(x)), in seconds for duration; values <= 0 have none).
 */
export type GroupRef = AttrRef | { intrinsic: "name" | "status" | "kind" | "service" } | { log2Bucket: "duration" | AttrRef };

/** The label Tempo gives a histogram's bucket. */
export const BUCKET_LABEL = "__bucket";

export interface MetricsQuery {
  projectId: number;
  /** Which spans count, as TraceQL (already validated); null or `{}` for every span. Each store compiles it. */
  filter: string | null;
  measure: Measure;
  groupBy: GroupRef[];
  startNs: bigint;
  endNs: bigint;
  stepNs: bigint;
  /** Groups kept by (weighted) span count; the rest are summed into one "other" series. */
  topN: number;
}

export function groupLabel(g: GroupRef): string {
  if ("log2Bucket" in g) return BUCKET_LABEL;
  if ("intrinsic" in g) return g.intrinsic === "service" ? "resource.service.name" : g.intrinsic;
  return `${g.scope === "any" ? "" : g.scope}.${g.key}`;
}

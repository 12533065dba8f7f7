import type { AttrRef, Measure } from "./measure";

/** A group-by: an attribute, or an intrinsic (`name`, `status`, `kind`, `service`). */
export type GroupRef = AttrRef | { intrinsic: "name" | "status" | "kind" | "service" };

/**
 * Which spans count. `where` is a condition on one `spans` row (fast: one scan);
 * `semi` is SQL yielding (trace_id, span_id) for structural queries. Both use $-params.
 */
export interface SpanFilter {
  where?: string;
  semi?: string;
  params: Record<string, string | number | bigint | boolean>;
}

export interface MetricsQuery {
  projectId: number;
  filter: SpanFilter | null;
  measure: Measure;
  groupBy: GroupRef[];
  startNs: bigint;
  endNs: bigint;
  stepNs: bigint;
  /** Groups kept by (weighted) span count; the rest are summed into one "other" series. */
  topN: number;
}

export function groupLabel(g: GroupRef): string {
  if ("intrinsic" in g) return g.intrinsic === "service" ? "resource.service.name" : g.intrinsic;
  return `${g.scope === "any" ? "" : g.scope}.${g.key}`;
}

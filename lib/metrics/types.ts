import type { AttrRef, Measure } from "./measure";

/** A group-by: an attribute, or an intrinsic (`name`, `status`, `kind`, `service`). */
export type GroupRef = AttrRef | { intrinsic: "name" | "status" | "kind" | "service" };

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
  if ("intrinsic" in g) return g.intrinsic === "service" ? "resource.service.name" : g.intrinsic;
  return `${g.scope === "any" ? "" : g.scope}.${g.key}`;
}

import { apiJson } from "@/components/charts/api";
import type { PurgeRun } from "@/lib/retention/scheduler";
import type { StorageStats, WriterStats } from "@/lib/contract";

/** GET /api/v1/projects/{slug}/retention, as JSON. */
export interface RetentionView {
  /** The project's own period ("7d"), or null when it follows the default. */
  retention: string | null;
  /** SPANLENS_RETENTION, else 30d. */
  default: string;
  effective: string;
  maxDiskBytes: number | null;
  purge: { nextRunAt: string | null; last: PurgeRun | null; intervalMs: number };
  storage: StorageStats;
  writer: WriterStats;
}

export type { PurgeRun };

export const retentionKey = (slug: string) => ["projects", slug, "retention"] as const;

const url = (slug: string) => `/api/v1/projects/${encodeURIComponent(slug)}/retention`;

export const fetchRetention = (slug: string) => apiJson<RetentionView>(url(slug));

/** `null` follows the default again. */
export const saveRetention = (slug: string, retention: string | null) =>
  apiJson<RetentionView>(url(slug), { method: "PUT", body: JSON.stringify({ retention }) });

/** Runs the scheduled purge now, for every project. */
export const purgeNow = (slug: string) => apiJson<PurgeRun>(`${url(slug)}/purge`, { method: "POST" });

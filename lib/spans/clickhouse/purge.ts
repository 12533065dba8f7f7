import type { PurgeResult } from "../storage-types";
import { nsOf, rows, type ChContext } from "./context";

/**
 * Deletes (lightweight DELETE: rows are masked at once, their space comes back as parts
 * merge) spans of one project, or of all, that started before `cutoffNs`, then the
 * summary and catalog rows last touched before it. Bulk retention belongs to the
 * tables' TTL (SPANLENS_CLICKHOUSE_TTL_DAYS), which drops whole day partitions.
 */
export async function purgeBefore(ctx: ChContext, cluster: string | undefined, projectId: number | null, cutoffNs: bigint): Promise<PurgeResult> {
  const n = ctx.names;
  const on = cluster ? ` ON CLUSTER \`${cluster}\`` : "";
  const params = { project: projectId ?? 0, cutoff: cutoffNs.toString() };
  const cutoff = "fromUnixTimestamp64Nano({cutoff:Int64}, 'UTC')";
  const spanScope = projectId === null ? "" : "ProjectId = {project:UInt32} AND ";
  const scope = projectId === null ? "" : "project_id = {project:UInt32} AND ";
  const [counted] = await rows<{ n: string }>(ctx,
    `SELECT toString(count()) AS n FROM ${n.spans} FINAL WHERE ${spanScope}Timestamp < ${cutoff}`, params);
  const spans = Number(counted?.n ?? 0);
  if (spans === 0) return { spans: 0 };
  const run = (sql: string) => ctx.client.command({ query: sql, query_params: params });
  await run(`DELETE FROM ${n.spansLocal}${on} WHERE ${spanScope}Timestamp < ${cutoff}`);
  await run(`DELETE FROM ${n.summariesLocal}${on} WHERE ${scope}end_time < ${cutoff}`);
  await run(`DELETE FROM ${n.keysLocal}${on} WHERE ${scope}last_seen < ${cutoff}`);
  await run(`DELETE FROM ${n.valuesLocal}${on} WHERE ${scope}last_seen < ${cutoff}`);
  return { spans };
}

/** Bytes of the active parts of every table in the database (this server's share on a cluster). */
export async function usedBytes(ctx: ChContext, database: string): Promise<number> {
  const [r] = await rows<{ b: string }>(ctx,
    "SELECT toString(sum(bytes_on_disk)) AS b FROM system.parts WHERE active AND database = {db:String}", { db: database });
  return Number(r?.b ?? 0);
}

/**
 * Keeps the store under `maxBytes` by dropping the oldest day partitions of every table,
 * never the newest day: space comes back at once, where deletes wait for merges.
 */
export async function purgeToSize(ctx: ChContext, cluster: string | undefined, database: string, maxBytes: number) {
  const n = ctx.names;
  const on = cluster ? ` ON CLUSTER \`${cluster}\`` : "";
  let used = await usedBytes(ctx, database);
  let spans = 0;
  if (used <= maxBytes) return { spans, usedBytes: used };
  const local = n.spansLocal.split(".")[1].replace(/`/g, "");
  const parts = await rows<{ partition: string; bytes: string; rows: string }>(ctx,
    `SELECT partition, toString(sum(bytes_on_disk)) AS bytes, toString(sum(rows)) AS rows FROM system.parts
     WHERE active AND database = {db:String} AND table = {table:String} GROUP BY partition ORDER BY partition`,
    { db: database, table: local });
  for (const p of parts.slice(0, -1)) {
    if (used <= maxBytes) break;
    // Every table is partitioned by day (a Date), so the same value names the day in each.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(p.partition)) throw new Error(`unexpected partition ${p.partition} in ${local}`);
    for (const t of [n.spansLocal, n.summariesLocal, n.keysLocal, n.valuesLocal]) {
      await ctx.client.command({ query: `ALTER TABLE ${t}${on} DROP PARTITION '${p.partition}'` });
    }
    spans += Number(p.rows);
    used = await usedBytes(ctx, database);
  }
  return { spans, usedBytes: used };
}

export async function spanRange(ctx: ChContext, projectId: number) {
  // FINAL counts a span stored twice once; the collector's plain MergeTree has no FINAL.
  const from = ctx.mode === "write" ? `${ctx.names.spans} FINAL WHERE ProjectId = {project:UInt32}` : ctx.names.spans;
  const [r] = await rows<{ n: string; oldest: string; newest: string }>(ctx,
    `SELECT toString(count()) AS n, ${nsOf("min(Timestamp)")} AS oldest, ${nsOf("max(Timestamp)")} AS newest
     FROM ${from}`, { project: projectId });
  const count = Number(r?.n ?? 0);
  return { spans: count, oldestStartNs: count ? r.oldest : null, newestStartNs: count ? r.newest : null };
}

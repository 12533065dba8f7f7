/**
 * The cluster DDL, checked as text: chDB has no cluster (no Keeper, no remote_servers),
 * so ON CLUSTER cannot run there. The single-node DDL runs on chDB in contract.test.ts.
 */
import { describe, expect, it } from "vitest";
import { schemaStatements, tableNames, textIndexStatements } from "./schema";

const cluster = schemaStatements({ database: "spanlens", table: "otel_traces", cluster: "traces", ttlDays: 30 });
const single = schemaStatements({ database: "spanlens", table: "otel_traces" });
const find = (list: string[], re: RegExp) => list.filter((s) => re.test(s));

describe("cluster DDL", () => {
  it("runs every statement ON CLUSTER", () => {
    for (const sql of cluster) expect(sql).toContain("ON CLUSTER `traces`");
  });

  it("keeps the data in replicated local tables, one replica path per shard", () => {
    const [spans] = find(cluster, /^CREATE TABLE IF NOT EXISTS `spanlens`\.`otel_traces_local`/);
    expect(spans).toContain("ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/spanlens/otel_traces_local', '{replica}')");
    expect(spans).toContain("PARTITION BY toDate(Timestamp)");
    expect(spans).toContain("TTL toDateTime(Timestamp) + toIntervalDay(30)");
    // Replicated tables deduplicate inserts by default; the non-replicated setting is not theirs.
    expect(spans).not.toContain("non_replicated_deduplication_window");
    for (const t of ["spanlens_trace_summaries_local", "spanlens_attribute_keys_local", "spanlens_attribute_values_local"]) {
      const [ddl] = find(cluster, new RegExp(`^CREATE TABLE IF NOT EXISTS \`spanlens\`\\.\`${t}\``));
      expect(ddl).toContain(`ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/spanlens/${t}', '{replica}')`);
      expect(ddl).toContain("TTL day + toIntervalDay(30)");
    }
  });

  it("shards spans by trace, so a trace and its summary live on one shard", () => {
    expect(find(cluster, /ENGINE = Distributed/)).toEqual([
      expect.stringMatching(/`otel_traces`.* AS `spanlens`\.`otel_traces_local`\s+ENGINE = Distributed\('traces', 'spanlens', 'otel_traces_local', cityHash64\(TraceId\)\)$/s),
      expect.stringContaining("Distributed('traces', 'spanlens', 'spanlens_trace_summaries_local', cityHash64(trace_id))"),
      expect.stringContaining("'spanlens_attribute_keys_local', rand())"),
      expect.stringContaining("'spanlens_attribute_values_local', rand())"),
    ]);
  });

  it("feeds the views from each shard's local table", () => {
    const views = find(cluster, /^CREATE MATERIALIZED VIEW/);
    expect(views).toHaveLength(3);
    // The key list is aggregated from the value list's local table (one attribute expansion per insert).
    expect(views.map((v) => /\nFROM (\S+)/.exec(v)?.[1])).toEqual([
      "`spanlens`.`otel_traces_local`", "`spanlens`.`otel_traces_local`", "`spanlens`.`spanlens_attribute_values_local`",
    ]);
  });

  it("reads through the Distributed tables and deletes in the local ones", () => {
    const n = tableNames({ database: "spanlens", table: "otel_traces", cluster: "traces" });
    expect(n.spans).toBe("`spanlens`.`otel_traces`");
    expect(n.spansLocal).toBe("`spanlens`.`otel_traces_local`");
    expect(textIndexStatements({ database: "spanlens", table: "otel_traces", cluster: "traces" })[0])
      .toMatch(/^ALTER TABLE `spanlens`\.`otel_traces_local` ON CLUSTER `traces` ADD INDEX IF NOT EXISTS/);
  });
});

describe("single-node DDL", () => {
  it("has the collector's table shape plus Spanlens' columns, and no cluster parts", () => {
    expect(single.join("\n")).not.toMatch(/ON CLUSTER|Replicated|Distributed/);
    const [spans] = find(single, /`otel_traces` \(/);
    for (const col of ["Timestamp DateTime64(9, 'UTC')", "SpanAttributes Map(LowCardinality(String), String)", "Duration UInt64",
      "Events Nested (Timestamp DateTime64(9, 'UTC')", "ProjectId UInt32", "SpanAttributeTypes Map(LowCardinality(String), LowCardinality(String))"]) {
      expect(spans).toContain(col);
    }
    expect(spans).toContain("ENGINE = ReplacingMergeTree");
    expect(spans).toContain("non_replicated_deduplication_window = 1000");
    expect(spans).not.toContain("TTL");
  });
});

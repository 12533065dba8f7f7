/**
 * ClickHouse DDL for the span store. Spans go in a table compatible with the OpenTelemetry
 * Collector's `otel_traces` (its column names and types, so the collector, Grafana's
 * ClickHouse plugin or ClickStack can share it), plus columns only Spanlens fills:
 *
 * - `ProjectId`, `SampleRate`: tenancy and server-side sampling.
 * - `SpanAttributeTypes`, `ResourceAttributeTypes`, `EventAttributeTypes`,
 *   `LinkAttributeTypes`: the OTel type of every attribute whose value is not a string
 *   (`int`, `double`, `bool`, `bytes`, `array`, `kvlist`, `empty`). The value maps keep
 *   the collector's text (`AsString()`), so other tools read them as they always do, and
 *   Spanlens reads back exactly what was sent. A key missing from the type map is a string:
 *   rows the collector wrote read as strings.
 *
 * Dedup: the span table is a ReplacingMergeTree whose sorting key ends in
 * (TraceId, SpanId), so a span stored twice collapses at merge time and reads use
 * `LIMIT 1 BY SpanId` (or FINAL) until then; each request is inserted with an
 * `insert_deduplication_token` derived from its content, so a retried request is dropped
 * whole by the engine and the materialized views never see it twice.
 */

export interface SchemaOptions {
  database: string;
  /** The span table (the Distributed one on a cluster), `otel_traces` by default. */
  table: string;
  cluster?: string;
  ttlDays?: number;
}

/** Names of every table, and which ones DDL, deletes and reads go to. */
export interface TableNames {
  /** Reads and inserts: the Distributed table on a cluster, else the table itself. */
  spans: string;
  /** Deletes and partition drops: the local replicated table on a cluster. */
  spansLocal: string;
  summaries: string;
  summariesLocal: string;
  keys: string;
  keysLocal: string;
  values: string;
  valuesLocal: string;
}

const q = (db: string, name: string) => `\`${db}\`.\`${name}\``;

export function tableNames(o: Pick<SchemaOptions, "database" | "table" | "cluster">): TableNames {
  const local = (name: string) => (o.cluster ? `${name}_local` : name);
  return {
    spans: q(o.database, o.table),
    spansLocal: q(o.database, local(o.table)),
    summaries: q(o.database, "spanlens_trace_summaries"),
    summariesLocal: q(o.database, local("spanlens_trace_summaries")),
    keys: q(o.database, "spanlens_attribute_keys"),
    keysLocal: q(o.database, local("spanlens_attribute_keys")),
    values: q(o.database, "spanlens_attribute_values"),
    valuesLocal: q(o.database, local("spanlens_attribute_values")),
  };
}

/** The collector's columns, verbatim but for the zone: Spanlens pins DateTime64 to UTC. */
export const COLLECTOR_COLUMNS = `
  Timestamp DateTime64(9, 'UTC') CODEC(Delta(8), ZSTD(1)),
  TraceId String CODEC(ZSTD(1)),
  SpanId String CODEC(ZSTD(1)),
  ParentSpanId String CODEC(ZSTD(1)),
  TraceState String CODEC(ZSTD(1)),
  SpanName LowCardinality(String) CODEC(ZSTD(1)),
  SpanKind LowCardinality(String) CODEC(ZSTD(1)),
  ServiceName LowCardinality(String) CODEC(ZSTD(1)),
  ResourceAttributes Map(LowCardinality(String), String) CODEC(ZSTD(1)),
  ScopeName String CODEC(ZSTD(1)),
  ScopeVersion String CODEC(ZSTD(1)),
  SpanAttributes Map(LowCardinality(String), String) CODEC(ZSTD(1)),
  Duration UInt64 CODEC(T64, ZSTD(1)),
  StatusCode LowCardinality(String) CODEC(ZSTD(1)),
  StatusMessage String CODEC(ZSTD(1)),
  Events Nested (Timestamp DateTime64(9, 'UTC'), Name LowCardinality(String), Attributes Map(LowCardinality(String), String)) CODEC(ZSTD(1)),
  Links Nested (TraceId String, SpanId String, TraceState String, Attributes Map(LowCardinality(String), String)) CODEC(ZSTD(1))`;

const TYPE_MAP = "Map(LowCardinality(String), LowCardinality(String))";

/** Columns the collector does not know; its inserts leave them at their defaults. */
export const SPANLENS_COLUMNS = `
  ProjectId UInt32 DEFAULT 0,
  SampleRate Float64 DEFAULT 1,
  SpanAttributeTypes ${TYPE_MAP} CODEC(ZSTD(1)),
  ResourceAttributeTypes ${TYPE_MAP} CODEC(ZSTD(1)),
  EventAttributeTypes Array(${TYPE_MAP}) CODEC(ZSTD(1)),
  LinkAttributeTypes Array(${TYPE_MAP}) CODEC(ZSTD(1))`;

/** The collector's skip indexes. */
const INDEXES = `
  INDEX idx_trace_id TraceId TYPE bloom_filter(0.001) GRANULARITY 1,
  INDEX idx_res_attr_key mapKeys(ResourceAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,
  INDEX idx_res_attr_value mapValues(ResourceAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,
  INDEX idx_span_attr_key mapKeys(SpanAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,
  INDEX idx_span_attr_value mapValues(SpanAttributes) TYPE bloom_filter(0.01) GRANULARITY 1,
  INDEX idx_duration Duration TYPE minmax GRANULARITY 1`;

/**
 * Text indexes (ClickHouse 26.2+, as the collector uses there) on map keys and on
 * `key=value` items: exact key and key-value lookups on rare attributes. Added after the
 * table by ALTER, each on its own, and skipped with a log where the server refuses them.
 */
export function textIndexStatements(o: SchemaOptions): string[] {
  const t = tableNames(o).spansLocal;
  const on = onCluster(o);
  const items = (m: string) => `arrayMap((k, v) -> concat(k, '=', v), mapKeys(${m}), mapValues(${m}))`;
  return [
    `ALTER TABLE ${t}${on} ADD INDEX IF NOT EXISTS idx_span_attr_key_text mapKeys(SpanAttributes) TYPE text(tokenizer = 'array')`,
    `ALTER TABLE ${t}${on} ADD INDEX IF NOT EXISTS idx_span_attr_item_text ${items("SpanAttributes")} TYPE text(tokenizer = 'array')`,
    `ALTER TABLE ${t}${on} ADD INDEX IF NOT EXISTS idx_res_attr_key_text mapKeys(ResourceAttributes) TYPE text(tokenizer = 'array')`,
    `ALTER TABLE ${t}${on} ADD INDEX IF NOT EXISTS idx_res_attr_item_text ${items("ResourceAttributes")} TYPE text(tokenizer = 'array')`,
  ];
}

const onCluster = (o: SchemaOptions) => (o.cluster ? ` ON CLUSTER \`${o.cluster}\`` : "");

/** `ReplacingMergeTree` → `ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/db/t', '{replica}')` on a cluster. */
function engine(o: SchemaOptions, kind: "ReplacingMergeTree" | "AggregatingMergeTree", localName: string): string {
  if (!o.cluster) return kind;
  return `Replicated${kind}('/clickhouse/tables/{shard}/${o.database}/${localName}', '{replica}')`;
}

/**
 * Every statement that creates the schema, in order; all are IF NOT EXISTS, so running
 * them at each start is a no-op once the tables exist.
 */
export function schemaStatements(o: SchemaOptions): string[] {
  const n = tableNames(o);
  const on = onCluster(o);
  const bare = (quoted: string) => quoted.split(".")[1].replace(/`/g, "");
  const ttl = (expr: string) => (o.ttlDays ? `\nTTL ${expr} + toIntervalDay(${o.ttlDays})` : "");
  // Non-replicated tables keep no insert log unless told to; replicated ones do by default.
  const dedup = o.cluster ? "" : ", non_replicated_deduplication_window = 1000";
  const out = [
    `CREATE DATABASE IF NOT EXISTS \`${o.database}\`${on}`,
    // ProjectId first: every read is one project's. The collector's (ServiceName, SpanName,
    // time) follow, so its queries keep their pruning; (TraceId, SpanId) close the sorting
    // key only so that ReplacingMergeTree collapses a span stored twice. The primary key
    // (held in memory) stops before them.
    `CREATE TABLE IF NOT EXISTS ${n.spansLocal}${on} (${COLLECTOR_COLUMNS},${SPANLENS_COLUMNS},${INDEXES}
) ENGINE = ${engine(o, "ReplacingMergeTree", bare(n.spansLocal))}
PARTITION BY toDate(Timestamp)
PRIMARY KEY (ProjectId, ServiceName, SpanName, toDateTime(Timestamp))
ORDER BY (ProjectId, ServiceName, SpanName, toDateTime(Timestamp), TraceId, SpanId)${ttl("toDateTime(Timestamp)")}
SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1${dedup}`,
    // One row per trace and day (rows of one trace merge at read time). Counts are exact
    // distinct span ids, so a span stored twice in different requests is still one span.
    // The root is the earliest span without a parent; until one arrives, the earliest span.
    `CREATE TABLE IF NOT EXISTS ${n.summariesLocal}${on} (
  project_id UInt32,
  trace_id String,
  day Date,
  start_time SimpleAggregateFunction(min, DateTime64(9, 'UTC')),
  end_time SimpleAggregateFunction(max, DateTime64(9, 'UTC')),
  span_ids AggregateFunction(uniqExact, String),
  error_span_ids AggregateFunction(uniqExactIf, String, UInt8),
  root AggregateFunction(argMin, Tuple(String, String), Tuple(UInt8, DateTime64(9, 'UTC'), String))
) ENGINE = ${engine(o, "AggregatingMergeTree", bare(n.summariesLocal))}
PARTITION BY day
ORDER BY (project_id, trace_id, day)${ttl("day")}
SETTINGS index_granularity = 1024${dedup}`,
    `CREATE MATERIALIZED VIEW IF NOT EXISTS \`${o.database}\`.\`spanlens_trace_summaries_mv\`${on} TO ${n.summariesLocal} AS
SELECT ProjectId AS project_id, TraceId AS trace_id, toDate(Timestamp) AS day,
       min(Timestamp) AS start_time, max(addNanoseconds(Timestamp, Duration)) AS end_time,
       uniqExactState(SpanId) AS span_ids,
       uniqExactIfState(SpanId, toUInt8(${IS_ERROR})) AS error_span_ids,
       argMinState((toString(SpanName), toString(ServiceName)), (toUInt8(ParentSpanId != ''), Timestamp, SpanId)) AS root
FROM ${n.spansLocal}
GROUP BY project_id, trace_id, day`,
    // The catalog. Values first: one ARRAY JOIN of every span's attributes feeds it, and the
    // key rows are aggregated from the value rows it writes (a view on the view's table),
    // so the attribute list is expanded once per insert, not once per table. Values the
    // value list does not keep (doubles, long text) still get one row per key with kept = 0,
    // for the key rows. Counts are distinct (TraceId, SpanId) states, not sums: a span
    // re-sent in another request (stored twice until the span table merges it) counts once.
    `CREATE TABLE IF NOT EXISTS ${n.valuesLocal}${on} (
  project_id UInt32,
  scope LowCardinality(String),
  key String,
  kept UInt8,
  value String,
  type LowCardinality(String),
  day Date,
  spans ${SPAN_SET},
  first_seen SimpleAggregateFunction(min, DateTime64(9, 'UTC')),
  last_seen SimpleAggregateFunction(max, DateTime64(9, 'UTC'))
) ENGINE = ${engine(o, "AggregatingMergeTree", bare(n.valuesLocal))}
PARTITION BY day
ORDER BY (project_id, key, scope, kept, value, type, day)${ttl("day")}
SETTINGS index_granularity = 1024${dedup}`,
    `CREATE MATERIALIZED VIEW IF NOT EXISTS \`${o.database}\`.\`spanlens_attribute_values_mv\`${on} TO ${n.valuesLocal} AS
SELECT ProjectId AS project_id, e.1 AS scope, e.2 AS key, toUInt8(${CATALOG_VALUE_KEPT}) AS kept, if(kept, e.4, '') AS value,
       e.3 AS type, toDate(Timestamp) AS day,
       ${SPAN_SET_STATE} AS spans, min(Timestamp) AS first_seen, max(Timestamp) AS last_seen
FROM ${n.spansLocal} ${catalogJoin(true)}
GROUP BY project_id, scope, key, kept, value, type, day`,
    `CREATE TABLE IF NOT EXISTS ${n.keysLocal}${on} (
  project_id UInt32,
  scope LowCardinality(String),
  key String,
  type LowCardinality(String),
  day Date,
  spans ${SPAN_SET},
  first_seen SimpleAggregateFunction(min, DateTime64(9, 'UTC')),
  last_seen SimpleAggregateFunction(max, DateTime64(9, 'UTC'))
) ENGINE = ${engine(o, "AggregatingMergeTree", bare(n.keysLocal))}
PARTITION BY day
ORDER BY (project_id, scope, key, type, day)${ttl("day")}
SETTINGS index_granularity = 1024${dedup}`,
    `CREATE MATERIALIZED VIEW IF NOT EXISTS \`${o.database}\`.\`spanlens_attribute_keys_mv\`${on} TO ${n.keysLocal} AS
SELECT project_id, scope, key, type, day,
       uniqCombined64MergeState(spans) AS spans, min(first_seen) AS first_seen, max(last_seen) AS last_seen
FROM ${n.valuesLocal}
GROUP BY project_id, scope, key, type, day`,
  ];
  if (o.cluster) {
    // Reads and inserts go through Distributed tables; a trace's spans share a shard, so
    // its summary is whole on that shard. MVs run on each shard's local table.
    const dist = (name: string, local: string, key: string) =>
      `CREATE TABLE IF NOT EXISTS ${name}${on} AS ${local}\nENGINE = Distributed('${o.cluster}', '${o.database}', '${bare(local)}', ${key})`;
    out.push(
      dist(n.spans, n.spansLocal, "cityHash64(TraceId)"),
      dist(n.summaries, n.summariesLocal, "cityHash64(trace_id)"),
      dist(n.keys, n.keysLocal, "rand()"),
      dist(n.values, n.valuesLocal, "rand()"),
    );
  }
  return out;
}

/** The collector wrote `STATUS_CODE_ERROR` in older versions, `Error` since. */
export const IS_ERROR = "StatusCode IN ('Error', 'STATUS_CODE_ERROR')";

/**
 * How the catalog counts: a set of distinct (TraceId, SpanId, entry) — the entry's place
 * in the span's list, so two events of one span count twice, as in DuckDB — and a span
 * stored twice counts once. uniqCombined64 is exact while a set is small (a hash table)
 * and an estimate within about 1% once it grows past what that table holds (HyperLogLog).
 */
const SPAN_SET = "AggregateFunction(uniqCombined64, String, String, UInt32)";
export const SPAN_SET_STATE = "uniqCombined64State(TraceId, SpanId, i)";

/** ARRAY JOIN of the catalog entries as `e`, with their place in the span's list as `i`. */
export const catalogJoin = (typed: boolean) =>
  `ARRAY JOIN ${catalogEntries(typed)} AS e, arrayEnumerate(${catalogEntries(typed)}) AS i`;

/** Values up to this many characters are kept in the catalog (as in DuckDB's catalog-sql.ts). */
export const MAX_VALUE_CHARS = 200;

/** Whether the value list keeps an entry's value (the key list counts every entry). */
export const CATALOG_VALUE_KEPT = `e.3 IN ('string', 'int', 'bool') AND lengthUTF8(e.4) <= ${MAX_VALUE_CHARS}`;

/**
 * (scope, key, type, value) for every attribute of a span row, its event names and its
 * name, as DuckDB's catalog keeps them. Without type maps (read mode) everything is a string.
 */
export function catalogEntries(typed: boolean): string {
  // Keys and values zipped, not looked up: a map lookup scans the map. A type map holds
  // only non-string keys, and its lookup reads '' for the rest.
  const type = (types: string, k: string) => (typed ? `if(${types}[${k}] = '', 'string', toString(${types}[${k}]))` : "'string'");
  const pairs = (scope: string, m: string, types: string) =>
    `arrayMap((k, v) -> ('${scope}', toString(k), ${type(types, "k")}, v), mapKeys(${m}), mapValues(${m}))`;
  // An out-of-range array index reads as an empty map: collector rows have no type arrays.
  return `arrayConcat(
    ${pairs("span", "SpanAttributes", "SpanAttributeTypes")},
    ${pairs("resource", "ResourceAttributes", "ResourceAttributeTypes")},
    arrayFlatten(arrayMap((m, i) -> ${pairs("event", "m", typed ? "EventAttributeTypes[i]" : "")},
      \`Events.Attributes\`, arrayEnumerate(\`Events.Attributes\`))),
    arrayMap(n -> ('event', 'event:name', 'string', toString(n)), \`Events.Name\`),
    [('intrinsic', 'name', 'string', toString(SpanName))])`;
}

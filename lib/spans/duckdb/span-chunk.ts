import {
  BIGINT, DOUBLE, DuckDBDataChunk, INTEGER, LIST, UINTEGER, UTINYINT, VARCHAR, listValue, type DuckDBType, type DuckDBValue,
} from "@duckdb/node-api";
import { serviceNameOf } from "@/lib/ingest/service-name";
import type { NormalizedSpan } from "@/lib/ingest/types";
import { attrsToOtlpJson, splitAttrs, type TypedAttrs } from "../attribute-codec";

// Maps travel as JSON object text (see STAGING_COLUMNS_DDL).
const mapTypes = [VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR];

/** Column types in the order of STAGING_COLUMNS_DDL. */
export const SPAN_CHUNK_TYPES: DuckDBType[] = [
  INTEGER, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, UTINYINT, VARCHAR,
  BIGINT, BIGINT, BIGINT, UTINYINT, VARCHAR, VARCHAR, VARCHAR,
  ...mapTypes, ...mapTypes,
  LIST(VARCHAR), VARCHAR, VARCHAR, UINTEGER, UINTEGER, UINTEGER,
  // STAGING_EXTRA_DDL: the span's sample rate, and which queued request it came from.
  DOUBLE, BIGINT,
];

/** DuckDB's vector size: a chunk holds at most this many rows. */
export const CHUNK_ROWS = 2048;

/** A JSON object from entries whose values are already JSON text; null when empty. */
function jsonObject<T>(entries: { key: string; value: T }[], valueJson: (v: T) => string): string | null {
  if (!entries.length) return null;
  let out = "{";
  for (let i = 0; i < entries.length; i++) out += (i ? "," : "") + JSON.stringify(entries[i].key) + ":" + valueJson(entries[i].value);
  return out + "}";
}

// Ints are written as their exact digits: DuckDB reads them as BIGINT without a float step.
function typedMapValues(t: TypedAttrs): DuckDBValue[] {
  return [
    jsonObject(t.str, JSON.stringify),
    jsonObject(t.int, (v) => v.toString()),
    jsonObject(t.dbl, JSON.stringify),
    jsonObject(t.bool, String),
    jsonObject(t.json, JSON.stringify),
  ];
}

// Decoders hand every span of one resource the same attribute array: its maps are
// serialised once per request, not once per span.
const resourceMaps = new WeakMap<NormalizedSpan["resource"], DuckDBValue[]>();

function resourceValues(resource: NormalizedSpan["resource"]): DuckDBValue[] {
  let values = resourceMaps.get(resource);
  if (!values) {
    values = typedMapValues(splitAttrs(resource));
    resourceMaps.set(resource, values);
  }
  return values;
}

function row(projectId: number, s: NormalizedSpan, rate: number, seq: number): DuckDBValue[] {
  const events = s.events.length
    ? JSON.stringify(s.events.map((e) => ({
        name: e.name,
        timeUnixNano: e.timeNs.toString(),
        attributes: attrsToOtlpJson(e.attributes),
        droppedAttributesCount: e.droppedAttributesCount,
      })))
    : null;
  const links = s.links.length
    ? JSON.stringify(s.links.map((l) => ({ ...l, attributes: attrsToOtlpJson(l.attributes) })))
    : null;
  return [
    projectId, s.traceId, s.spanId, s.parentSpanId, s.traceState || null, s.name, s.kind, serviceNameOf(s),
    s.startNs, s.endNs, s.endNs - s.startNs, s.statusCode, s.statusMessage || null, s.scopeName || null, s.scopeVersion || null,
    ...typedMapValues(splitAttrs(s.attributes)),
    ...resourceValues(s.resource),
    s.events.length ? listValue(s.events.map((e) => e.name)) : null, events, links,
    s.droppedAttributesCount, s.droppedEventsCount, s.droppedLinksCount,
    rate, BigInt(seq),
  ];
}

/**
 * Builds one column-wise chunk from up to CHUNK_ROWS spans. `rates[i]` is the sample rate
 * span i was kept at (1 when unsampled); `seq` tags the rows with their request.
 */
export function spanChunk(projectId: number, spans: NormalizedSpan[], seq = 0, rates?: ArrayLike<number>): DuckDBDataChunk {
  const rows = spans.map((s, i) => row(projectId, s, rates?.[i] ?? 1, seq));
  const chunk = DuckDBDataChunk.create(SPAN_CHUNK_TYPES, rows.length);
  for (let c = 0; c < SPAN_CHUNK_TYPES.length; c++) {
    chunk.setColumnValues(c, rows.map((r) => r[c]));
  }
  return chunk;
}

import type { PromotedColumns } from "../../layout";
import { ParamBag, type ParamValue } from "./params";

/** Only parameters the SQL references: DuckDB refuses to bind unused names, and a key
 * read from a dedicated column leaves its map-key parameter unused. */
export function usedParams(sql: string, values: Record<string, ParamValue>): Record<string, ParamValue> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => sql.includes(`$${name}::`)));
}

/**
 * Each index lookup is a join of its own: past a few, one scan decoding the maps is
 * cheaper (and a query of hundreds of alternatives stays plannable).
 */
const MAX_INDEX_LOOKUPS = 8;

/** Spans of the caller's project and time window; $project/$start/$end are bound by the caller. */
export const SCOPE = "s.project_id = $project::INTEGER AND s.start_ns BETWEEN $start::BIGINT AND $end::BIGINT";
export const TRACES_JOIN = "JOIN traces t ON t.project_id = s.project_id AND t.trace_id = s.trace_id";

/**
 * Accumulates the CTEs of one query. Every spanset CTE has the same columns
 * (trace_id, span_id, parent_span_id, name, start_ns, then one v<i> per aggregated
 * field), so spansets can be UNIONed and joined without knowing where they came from.
 */
export class SqlBuilder {
  readonly params: ParamBag;

  /**
   * Lookups in the sparse-attribute index kept beside `spans` (lib/spans/duckdb/
   * sparse-attributes.ts) this query may still make, or null when it makes none. Their
   * subqueries need $project, $start and $end.
   */
  readonly index: { left: number } | null;

  constructor(columns?: PromotedColumns, useIndex = false) {
    this.params = new ParamBag(columns);
    this.index = useIndex ? { left: MAX_INDEX_LOOKUPS } : null;
  }
  /** SQL over `s` for each aggregated field, projected as v0, v1, ... */
  readonly valueColumns: string[] = [];
  private readonly ctes: string[] = [];
  private recursive = false;
  private names = 0;

  valueColumn(sql: string): number {
    const i = this.valueColumns.indexOf(sql);
    if (i >= 0) return i;
    this.valueColumns.push(sql);
    return this.valueColumns.length - 1;
  }

  /** The shared column list, read straight from a `spans s` row. */
  spanColumns(): string {
    return ["s.trace_id", "s.span_id", "s.parent_span_id", "s.name", "s.start_ns", ...this.valueColumns.map((v, i) => `${v} AS v${i}`)].join(", ");
  }

  reserve(): string {
    return `q${this.names++}`;
  }

  cte(body: string, options: { name?: string; columns?: string; materialized?: boolean; recursive?: boolean } = {}): string {
    const name = options.name ?? this.reserve();
    if (options.recursive) this.recursive = true;
    const columns = options.columns ? `(${options.columns})` : "";
    this.ctes.push(`${name}${columns} AS ${options.materialized ? "MATERIALIZED " : ""}(\n  ${body}\n)`);
    return name;
  }

  withClause(): string {
    if (!this.ctes.length) return "";
    return `WITH ${this.recursive ? "RECURSIVE " : ""}${this.ctes.join(",\n")}\n`;
  }
}

import { NO_PROMOTED_COLUMNS, promotedKey, type PromotedColumns } from "../../layout";

export type ParamValue = string | number | bigint | boolean;
export type SqlType = "VARCHAR" | "BIGINT" | "DOUBLE" | "BOOLEAN" | "UTINYINT";

/**
 * Collects query values as named parameters; nothing the user typed, keys included,
 * is ever spliced into SQL text. Each reference carries an explicit cast, so whatever
 * type the driver infers from the JS value (it binds bigint as HUGEINT, small numbers
 * as INTEGER), comparisons run in the column's own type and keep filter pushdown.
 * Names are `p<n>`, which cannot clash with the caller's $project/$start/$end.
 */
export class ParamBag {
  readonly values: Record<string, ParamValue> = {};
  private readonly names = new Map<string, string>();

  /** Dedicated columns of the store (see lib/spans/layout.ts), read instead of maps. */
  constructor(private readonly columns: PromotedColumns = NO_PROMOTED_COLUMNS) {}

  /** `s.<column>` when the attribute behind a key reference has a dedicated column. */
  promotedColumn(scope: "span" | "resource", type: string, keyRef: string): string | null {
    const name = /^\$(p\d+)::/.exec(keyRef)?.[1];
    const key = name === undefined ? undefined : this.values[name];
    const column = typeof key === "string" ? this.columns.get(promotedKey(scope, type, key)) : undefined;
    return column ? `s.${column}` : null;
  }

  ref(value: ParamValue, type: SqlType): string {
    const v = typeof value === "bigint" && Number.isSafeInteger(Number(value)) ? Number(value) : value;
    const dedupeKey = `${typeof v}:${String(v)}`;
    let name = this.names.get(dedupeKey);
    if (!name) {
      name = `p${this.names.size}`;
      this.names.set(dedupeKey, name);
      this.values[name] = v;
    }
    return `$${name}::${type}`;
  }
}

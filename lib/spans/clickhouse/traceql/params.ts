import type { Params } from "../context";

export type ChType = "String" | "Int64" | "Float64" | "UInt8";

/**
 * Query values as ClickHouse server-side parameters (`{p0:Int64}`): nothing the user
 * typed, keys included, is spliced into SQL text. Numbers travel as decimal text, which
 * the server parses into the declared type (64-bit integers never go through a double).
 * Names are `<prefix>p<n>`, apart from the caller's project/start/end.
 */
export class ChParams {
  readonly values: Params = {};
  private readonly names = new Map<string, string>();

  constructor(private readonly prefix = "") {}

  ref(value: string | number | bigint | boolean, type: ChType): string {
    // Numbers travel as text too: the chDB binding refuses doubles past 2^53.
    const v = typeof value === "boolean" ? Number(value) : String(value);
    const key = `${type}:${typeof v}:${String(v)}`;
    let name = this.names.get(key);
    if (!name) {
      name = `${this.prefix}p${this.names.size}`;
      this.names.set(key, name);
      this.values[name] = v;
    }
    return `{${name}:${type}}`;
  }
}

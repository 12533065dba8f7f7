/**
 * Attributes that have a dedicated typed column besides their map, keyed by
 * `<scope>:<type>:<key>` (scope span|resource, type str|int|dbl|bool) -> column name.
 * SQL builders use the column when there is one and the map lookup otherwise.
 */
export type PromotedColumns = ReadonlyMap<string, string>;

export const promotedKey = (scope: "span" | "resource", type: string, key: string) => `${scope}:${type}:${key}`;

export const NO_PROMOTED_COLUMNS: PromotedColumns = new Map();

export type AttributeScope = "span" | "resource" | "event" | "intrinsic";

export interface AttributeKeyInfo {
  scope: AttributeScope;
  key: string;
  /** string | int | double | bool | array | kvlist | bytes; a key can carry several. */
  types: string[];
  spanCount: number;
  firstSeenUnixNano: string;
  lastSeenUnixNano: string;
}

export interface AttributeValueInfo {
  value: string;
  type: string;
  count: number;
}

export interface AttributeStats {
  key: string;
  scope: "span" | "resource";
  spanCount: number;
  /** Exact below 1,000 distinct values; above, a HyperLogLog estimate a few percent off. */
  distinctApprox: number;
  /** For keys with numeric values: over those values. */
  numeric: { min: number; max: number; avg: number; p50: number; p95: number; sum: number } | null;
}

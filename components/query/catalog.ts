import type { QueryClient } from "@tanstack/react-query";
import { INTRINSICS, fieldText, intrinsicInfo, valueTypeOf, type FieldRef, type ValueType } from "@/lib/query-builder/fields";
import { apiFetch, searchKeys } from "@/components/search/api";
import type { AttributeKeyInfo, AttributeValueInfo } from "@/lib/contract";

/** A field people can filter on: what the autocomplete, the builder and the column picker list. */
export interface FieldOption {
  text: string;
  type: ValueType;
  /** Spans that carry it (unknown for intrinsics every span has). */
  spanCount: number | null;
  description?: string;
}

const CATALOG_STALE_MS = 60_000;

export function keysQuery() {
  return {
    queryKey: searchKeys.attributeKeys,
    queryFn: async () => (await apiFetch<{ keys: AttributeKeyInfo[] }>("/api/v1/attributes?limit=1000")).keys,
    staleTime: CATALOG_STALE_MS,
  };
}

/** Where the catalog keeps a field's values: the key and scope for the values API. */
export function valuesSource(field: FieldRef): { scope?: string; key: string } | null {
  if (field.kind === "intrinsic") return intrinsicInfo(field.name)?.values ?? null;
  return { key: field.key, scope: field.scope === "unscoped" ? undefined : field.scope };
}

export function valuesQuery(source: { scope?: string; key: string }) {
  const scope = source.scope ? `&scope=${source.scope}` : "";
  return {
    queryKey: searchKeys.attributeValues(source.scope ?? "any", source.key),
    queryFn: async () =>
      apiFetch<{ values: AttributeValueInfo[]; distinctValues: number }>(`/api/v1/attributes/${encodeURIComponent(source.key)}/values?limit=100${scope}`),
    staleTime: CATALOG_STALE_MS,
  };
}

/** Intrinsics first, then span and resource (and event) keys, most used first. */
export function fieldOptions(keys: AttributeKeyInfo[]): FieldOption[] {
  const out: FieldOption[] = INTRINSICS.map((i) => ({ text: i.name, type: i.type, spanCount: null, description: i.description }));
  for (const k of keys) {
    if (k.scope === "intrinsic" || k.key === "event:name") continue;
    out.push({ text: fieldText({ kind: "attribute", scope: k.scope, key: k.key }), type: valueTypeOf(k.types), spanCount: k.spanCount });
  }
  return out;
}

/** A field's value type: the intrinsic's own, else what the catalog has seen for the key. */
export function fieldType(field: FieldRef, keys: AttributeKeyInfo[] | undefined): ValueType {
  if (field.kind === "intrinsic") return intrinsicInfo(field.name)?.type ?? "string";
  const seen = (keys ?? []).filter((k) => k.key === field.key && (field.scope === "unscoped" ? k.scope === "span" || k.scope === "resource" : k.scope === field.scope));
  return valueTypeOf([...new Set(seen.flatMap((k) => k.types))]);
}

/** Fetchers bound to the page's query cache, so the editor and the builder share answers. */
export function catalogOf(client: QueryClient) {
  return {
    keys: () => client.fetchQuery(keysQuery()),
    values: async (source: { scope?: string; key: string }) => (await client.fetchQuery(valuesQuery(source))).values,
  };
}
export type Catalog = ReturnType<typeof catalogOf>;

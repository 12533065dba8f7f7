import type { JsonValue } from "@/lib/contract";

export interface AttributeGroup {
  /** `business` for `business.*`; "" for keys without a namespace. */
  namespace: string;
  entries: [key: string, value: JsonValue][];
}

/** Business context first: it is what users came to see (ux.md). */
const FIRST = ["business", "customer", "funnel", "user", "order", "feature"];

function rank(ns: string) {
  const i = FIRST.indexOf(ns);
  return i === -1 ? (ns === "" ? FIRST.length + 1 : FIRST.length) : i;
}

/** Attributes grouped by the namespace before the first dot, keys sorted in each. */
export function groupAttributes(attributes: Record<string, JsonValue>): AttributeGroup[] {
  const groups = new Map<string, AttributeGroup>();
  for (const key of Object.keys(attributes).sort()) {
    const dot = key.indexOf(".");
    const namespace = dot > 0 ? key.slice(0, dot) : "";
    let g = groups.get(namespace);
    if (!g) groups.set(namespace, (g = { namespace, entries: [] }));
    g.entries.push([key, attributes[key]]);
  }
  return [...groups.values()].sort((a, b) => rank(a.namespace) - rank(b.namespace) || a.namespace.localeCompare(b.namespace));
}

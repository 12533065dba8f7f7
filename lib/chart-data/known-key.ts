import type { AttributeKeyInfo } from "@/lib/contract";

const INTRINSICS = new Set(["name", "status", "kind", "service", "resource.service.name"]);

/**
 * Whether a group-by names something spans have: an intrinsic, or a catalogued key in the
 * scope it names (`span.x`, `resource.x`, or `.x` for either). With an empty catalog
 * (nothing loaded yet) every key passes, so nothing is flagged too early.
 */
export function isKnownGroupKey(text: string, keys: AttributeKeyInfo[]): boolean {
  const t = text.trim();
  if (!t || INTRINSICS.has(t) || keys.length === 0) return true;
  const m = /^(span|resource)?\.(.+)$/.exec(t);
  if (!m) return false;
  return keys.some((k) => k.key === m[2] && (!m[1] ? k.scope === "span" || k.scope === "resource" : k.scope === m[1]));
}

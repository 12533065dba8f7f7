/**
 * Span ids cross from the worker to the page as one string: a hundred thousand separate
 * strings cost the page a long task to receive (each is copied on its own), and the first
 * rows do not read ids at all. Ids never hold a newline in practice; a trace whose ids do
 * is sent as a plain list.
 */
export type PackedIds = string | readonly (string | null)[];

const SEP = "\n";

export function packIds(ids: ArrayLike<string | null>): PackedIds {
  const out = new Array<string>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] ?? "";
    if (id.includes(SEP)) return Array.from(ids);
    out[i] = id;
  }
  return out.join(SEP);
}

/** The `n` ids back; with `emptyIsNull` an empty id (a root's parent) reads as null. */
export function unpackIds(packed: PackedIds, n: number, emptyIsNull: boolean): (string | null)[] {
  if (typeof packed !== "string") return [...packed];
  if (n === 0) return [];
  const ids: (string | null)[] = packed.split(SEP);
  if (emptyIsNull) for (let i = 0; i < ids.length; i++) if (ids[i] === "") ids[i] = null;
  return ids;
}

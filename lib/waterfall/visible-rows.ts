import { spanIndexMap } from "./columns";
import type { SpanTree } from "./types";

/** What the URL keeps: a row is collapsed when deeper than `depth` (if set), unless toggled. */
export interface CollapseState {
  /** Collapse every row at this depth or deeper; null expands all. */
  depth: number | null;
  /** Keys (span ids, marker keys) whose state is flipped from what `depth` says. */
  toggled: readonly string[];
}

/** A row's stable key: its span id, or the marker's key. */
export function rowKey(t: SpanTree, p: number): string {
  const s = t.span[p];
  return s >= 0 ? t.trace.spanId[s] : t.markers[-1 - s].key;
}

/** Row position of a key, or -1 when the trace has no such row. */
export function rowOfKey(t: SpanTree, key: string): number {
  if (key.startsWith("~")) {
    const m = t.markers.findIndex((x) => x.key === key);
    return m < 0 ? -1 : t.span.indexOf(-1 - m);
  }
  const s = spanIndexMap(t.trace).get(key);
  return s === undefined ? -1 : t.pos[s];
}

/** 1 for each collapsed row (only rows with children can be). O(rows + toggled). */
export function collapsedRows(t: SpanTree, state: CollapseState): Uint8Array {
  const out = new Uint8Array(t.size);
  if (state.depth !== null) for (let p = 0; p < t.size; p++) out[p] = t.childCount[p] > 0 && t.depth[p] >= state.depth ? 1 : 0;
  for (const key of state.toggled) {
    const p = rowOfKey(t, key);
    if (p >= 0 && t.childCount[p] > 0) out[p] ^= 1;
  }
  return out;
}

/**
 * The rows on screen, in order: a collapsed row hides its subtree, and with `keep` set
 * (matches and their ancestors) a row outside it hides its subtree too, since no match
 * can be under it. Skips whole subtrees, so the cost is the rows shown, not the trace.
 */
export function visibleRows(t: SpanTree, collapsed: Uint8Array, keep: Uint8Array | null = null): Int32Array {
  const out = new Int32Array(t.size);
  let n = 0;
  for (let p = 0; p < t.size; ) {
    if (keep && !keep[p]) {
      p = t.end[p];
      continue;
    }
    out[n++] = p;
    p = collapsed[p] ? t.end[p] : p + 1;
  }
  return out.subarray(0, n);
}

/** Toggles that make `p` visible: every collapsed ancestor gets flipped open. */
export function revealRow(t: SpanTree, state: CollapseState, collapsed: Uint8Array, p: number): CollapseState {
  const flip = new Set<string>();
  for (let up = t.parent[p]; up >= 0; up = t.parent[up]) if (collapsed[up]) flip.add(rowKey(t, up));
  if (flip.size === 0) return state;
  return { depth: state.depth, toggled: toggleKeys(state.toggled, flip) };
}

/** Flips the keys' membership in a toggle list (a key toggled twice is back to the default). */
export function toggleKeys(toggled: readonly string[], keys: Iterable<string>): string[] {
  const set = new Set(toggled);
  for (const k of keys) if (!set.delete(k)) set.add(k);
  return [...set];
}

import { spanIndexMap } from "./columns";
import { intrinsicField } from "./search-query";
import { KIND_NAMES, type SpanTree } from "./types";
import type { TraceSearch } from "@/lib/contract";

const STATUS = ["unset", "ok", "error"];

/** Which names (or services) a test accepts: interned strings are tested once each, not per span. */
function internedHits(list: string[], test: (s: string) => boolean): Uint8Array {
  return Uint8Array.from(list, (s) => (test(s) ? 1 : 0));
}

/**
 * Rows the page can match without the server: free text against span names, services and
 * span ids; `name=`, `service=`, `status=`, `kind=` and `span_id=` fields exactly (any case).
 */
export function matchLocally(t: SpanTree, search: TraceSearch): Uint8Array {
  const out = new Uint8Array(t.size);
  const { trace } = t;
  if (search.kind === "none") return out;
  let test: ((s: number) => boolean) | null = null;
  if (search.kind === "text") {
    const needle = search.text.toLowerCase();
    const has = (s: string) => s.toLowerCase().includes(needle);
    const nameHit = internedHits(trace.names, has);
    const serviceHit = internedHits(trace.services, has);
    const id = /^[0-9a-f]{6,16}$/.test(needle) ? needle : null;
    test = (s) => nameHit[trace.name[s]] === 1 || serviceHit[trace.service[s]] === 1 || (id !== null && trace.spanId[s].startsWith(id));
  } else {
    const want = search.value.toLowerCase();
    const eq = (s: string) => s.toLowerCase() === want;
    switch (intrinsicField(search.key)) {
      case "name": {
        const hit = internedHits(trace.names, eq);
        test = (s) => hit[trace.name[s]] === 1;
        break;
      }
      case "service": {
        const hit = internedHits(trace.services, eq);
        test = (s) => hit[trace.service[s]] === 1;
        break;
      }
      case "status": test = (s) => STATUS[trace.status[s]] === want; break;
      case "kind": test = (s) => KIND_NAMES[trace.kind[s]] === want; break;
      case "span": test = (s) => trace.spanId[s] === want; break;
      default: break;
    }
    if (test && search.op === "!=") {
      const inner = test;
      test = (s) => !inner(s);
    }
  }
  if (!test) return out;
  for (let p = 0; p < t.size; p++) {
    const s = t.span[p];
    if (s >= 0 && test(s)) out[p] = 1;
  }
  return out;
}

/** Marks the rows of these span ids (from the server's attribute search) in `into`. */
export function markSpanIds(t: SpanTree, spanIds: readonly string[], into: Uint8Array): Uint8Array {
  const indexOf = spanIndexMap(t.trace);
  for (const id of spanIds) {
    const s = indexOf.get(id);
    if (s !== undefined) into[t.pos[s]] = 1;
  }
  return into;
}

/** Matches plus every ancestor of one: what "only matches" shows, so each keeps its context. */
export function withAncestors(t: SpanTree, matches: Uint8Array): Uint8Array {
  const keep = new Uint8Array(t.size);
  for (let p = 0; p < t.size; p++) {
    if (!matches[p]) continue;
    for (let up = p; up >= 0 && !keep[up]; up = t.parent[up]) keep[up] = 1;
  }
  return keep;
}

/** Positions of the set rows, in tree order: what next/previous walk through. */
export function positionsOf(flags: Uint8Array): Int32Array {
  let n = 0;
  for (let p = 0; p < flags.length; p++) n += flags[p];
  const out = new Int32Array(n);
  for (let p = 0, k = 0; p < flags.length; p++) if (flags[p]) out[k++] = p;
  return out;
}

/** The first position after `from` (wrapping), or before it with `dir` -1; -1 when none. */
export function stepTo(positions: Int32Array, from: number, dir: 1 | -1): number {
  if (positions.length === 0) return -1;
  if (dir === 1) {
    for (const p of positions) if (p > from) return p;
    return positions[0];
  }
  for (let i = positions.length - 1; i >= 0; i--) if (positions[i] < from) return positions[i];
  return positions[positions.length - 1];
}

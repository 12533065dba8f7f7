import { parseTraceQL } from "@/lib/traceql/parse";
import { andConditions } from "./traceql";

/**
 * How many dropped traces a drop-off comparison names. Each id is one `trace:id = "…"` in the
 * selection; an `||` chain counts once against maxQueryDepth, but the text (and the engines'
 * IN-lists) grow with it, and the drop-off list fetches at most this many anyway.
 */
export const MAX_COMPARED_TRACES = 100;

export type DropOffComparison =
  | { ok: true; selection: string; baseline: string; traces: number; capped: boolean }
  | { ok: false; reason: string };

const TRACE_ID = /^[0-9a-f]{1,32}$/i;

/**
 * "What is different about those who dropped off after this step?": the step's spans in the
 * dropped traces, against the step's spans in the others (the compare API subtracts the
 * selection from the baseline). Only a single spanset `{ … }` can take the trace ids on the
 * same span; a structural step (`>>`, `&&` between spansets, a pipeline) would select the
 * spans of another spanset, so it is refused with a reason.
 */
export function dropOffComparison(step: string, traceIds: string[], cap = MAX_COMPARED_TRACES): DropOffComparison {
  let kind: string;
  try {
    kind = parseTraceQL(step).kind;
  } catch {
    return { ok: false, reason: "the step is not valid TraceQL" };
  }
  if (kind !== "filter") {
    return { ok: false, reason: "the step is not a single { … } spanset, so its spans cannot be told from the other spansets' in a comparison; split it into one step per spanset" };
  }
  // Ids come from the store; keep only hex so the text stays TraceQL whatever they hold.
  const ids = [...new Set(traceIds.map((t) => t.toLowerCase()).filter((t) => TRACE_ID.test(t)))];
  if (ids.length === 0) return { ok: false, reason: "no trace dropped off after this step" };
  const named = ids.slice(0, cap);
  const anyOf = named.map((t) => `trace:id = "${t}"`).join(" || ");
  const selection = andConditions(step, [named.length > 1 ? `(${anyOf})` : anyOf]);
  return { ok: true, selection, baseline: step.trim(), traces: named.length, capped: ids.length > named.length };
}

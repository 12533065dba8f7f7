"use client";

import { debounce, parseAsArrayOf, parseAsBoolean, parseAsFloat, parseAsInteger, parseAsString, useQueryStates } from "nuqs";

/**
 * What a link to the waterfall carries, so a teammate sees the same view: the selected
 * span, the zoom (ms offsets from the trace start), the search, the collapse state and
 * the two toggles. Replace-history: stepping through spans should not fill Back.
 */
export const waterfallParsers = {
  span: parseAsString,
  q: parseAsString.withDefault("").withOptions({ limitUrlUpdates: debounce(300) }),
  from: parseAsFloat,
  to: parseAsFloat,
  depth: parseAsInteger,
  /** Rows whose collapse state differs from what `depth` says (span ids, marker keys). */
  flip: parseAsArrayOf(parseAsString, ",").withDefault([]),
  only: parseAsBoolean.withDefault(false),
  cp: parseAsBoolean.withDefault(true),
};

export function useWaterfallUrl() {
  return useQueryStates(waterfallParsers, { history: "replace" });
}

export type WaterfallUrl = ReturnType<typeof useWaterfallUrl>[0];
export type SetWaterfallUrl = ReturnType<typeof useWaterfallUrl>[1];

import { createLoader, parseAsArrayOf, parseAsIsoDateTime, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { SORT_KEYS } from "@/components/search/view";

/**
 * Everything a link to /traces carries, so a teammate sees the same view: the query (or
 * the saved filter it came from), the time range, the extra columns and the sort.
 * An absolute `start`/`end` wins over `since`; a saved filter fills in what is absent,
 * so columns and sort have no default here (components/search/view.ts applies them).
 * Imported from nuqs/server so the server page can parse the same params it renders.
 */
export const traceSearchParsers = {
  q: parseAsString,
  filter: parseAsString,
  since: parseAsString,
  start: parseAsIsoDateTime,
  end: parseAsIsoDateTime,
  cols: parseAsArrayOf(parseAsString, ","),
  sort: parseAsStringLiteral(SORT_KEYS),
  order: parseAsStringLiteral(["desc", "asc"] as const),
};

export const loadTraceSearch = createLoader(traceSearchParsers);

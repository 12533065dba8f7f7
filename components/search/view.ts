import { DEFAULT_RANGE, isSince, rangeParams, type TimeRange } from "@/components/query/time-range";
import { TRACE_PAGE_SIZE } from "./api";

export const SORT_KEYS = ["start", "duration", "spans", "errors"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = "asc" | "desc";

/** The page's URL, parsed (see app/(dashboard)/traces/search-params.ts). */
export interface UrlState {
  q: string | null;
  filter: string | null;
  since: string | null;
  start: Date | null;
  end: Date | null;
  /** Absent (null) when the URL leaves them to a saved filter or the defaults. */
  cols: string[] | null;
  sort: SortKey | null;
  order: SortOrder | null;
}

/** A saved filter as GET /api/v1/saved-filters returns it. */
export interface SavedFilterRow {
  id: string;
  name: string;
  query: string;
  since: string | null;
  startNs: string | null;
  endNs: string | null;
  /** The result table's sort, `duration:desc`. */
  sort: string | null;
  columns: string[] | null;
  author: string;
  createdAt: string;
  updatedAt: string;
  /** Set when the stored query no longer compiles. */
  queryError: string | null;
}

/** What the page shows: the URL, with a saved filter filling in what the URL leaves out. */
export interface SearchView {
  query: string;
  range: TimeRange;
  rangeSource: "url" | "filter" | "default";
  cols: string[];
  sort: SortKey;
  order: SortOrder;
  filter: SavedFilterRow | null;
  /** A `filter` id that matches no saved filter (deleted, or a typo). */
  missingFilter: string | null;
  /** The filter is open but its query, range, sort or columns have been changed here. */
  modified: boolean;
  /** The filter list has not loaded yet, so the query is not known yet. */
  waiting: boolean;
}

const DEFAULT_SORT = { sort: "start", order: "desc" } as const satisfies { sort: SortKey; order: SortOrder };

/** `duration:desc` -> its key and order; null for anything else. */
export function parseSavedSort(text: string | null): { sort: SortKey; order: SortOrder } | null {
  const [sort, order] = (text ?? "").split(":");
  const key = SORT_KEYS.find((k) => k === sort);
  return key && (order === "asc" || order === "desc") ? { sort: key, order } : null;
}

export const savedSortText = (v: { sort: SortKey; order: SortOrder }) => `${v.sort}:${v.order}`;

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const nsToMs = (ns: string) => Number(BigInt(ns) / 1_000_000n);

export function filterRange(f: Pick<SavedFilterRow, "since" | "startNs" | "endNs">): TimeRange | null {
  if (f.since && isSince(f.since)) return { kind: "relative", since: f.since };
  if (f.startNs && f.endNs) return { kind: "absolute", startMs: nsToMs(f.startNs), endMs: nsToMs(f.endNs) };
  return null;
}

function urlRange(url: UrlState): TimeRange | null {
  if (url.start && url.end && !Number.isNaN(url.start.getTime()) && !Number.isNaN(url.end.getTime())) {
    return { kind: "absolute", startMs: url.start.getTime(), endMs: url.end.getTime() };
  }
  return url.since && isSince(url.since) ? { kind: "relative", since: url.since } : null;
}

export function sameRange(a: TimeRange, b: TimeRange): boolean {
  if (a.kind === "relative") return b.kind === "relative" && a.since === b.since;
  return b.kind === "absolute" && a.startMs === b.startMs && a.endMs === b.endMs;
}

export function resolveView(url: UrlState, filters: SavedFilterRow[] | undefined): SearchView {
  const filter = url.filter ? filters?.find((f) => f.id === url.filter) ?? null : null;
  const fromUrl = urlRange(url);
  const fromFilter = filter ? filterRange(filter) : null;
  const range = fromUrl ?? fromFilter ?? DEFAULT_RANGE;
  const query = url.q ?? filter?.query ?? "";
  // Like the query and range: what the URL says wins, the filter fills in the rest.
  const filterSort = filter ? parseSavedSort(filter.sort) : null;
  const sortInUrl = url.sort !== null || url.order !== null;
  const sorted = sortInUrl ? { sort: url.sort ?? DEFAULT_SORT.sort, order: url.order ?? DEFAULT_SORT.order } : filterSort ?? DEFAULT_SORT;
  const filterCols = filter?.columns ?? [];
  const cols = url.cols ?? filterCols;
  const changedHere = !!filter && (
    query.trim() !== filter.query.trim()
    || (!!fromUrl && !sameRange(fromUrl, fromFilter ?? DEFAULT_RANGE))
    || (sortInUrl && savedSortText(sorted) !== savedSortText(filterSort ?? DEFAULT_SORT))
    || (url.cols !== null && !sameList(url.cols, filterCols))
  );
  return {
    query,
    range,
    rangeSource: fromUrl ? "url" : fromFilter ? "filter" : "default",
    cols,
    sort: sorted.sort,
    order: sorted.order,
    filter,
    missingFilter: url.filter && filters && !filter ? url.filter : null,
    modified: changedHere,
    waiting: !!url.filter && !filters,
  };
}

/** The search as GET /api/v1/traces takes it; also the react-query key, so keep it stable. */
export function searchParamsOf(view: Pick<SearchView, "query" | "range" | "cols" | "sort" | "order">): string {
  const p = new URLSearchParams();
  if (view.query.trim()) p.set("q", view.query.trim());
  for (const [k, v] of Object.entries(rangeParams(view.range))) p.set(k, v);
  p.set("sort", view.sort);
  p.set("order", view.order);
  if (view.cols.length) p.set("columns", view.cols.join(","));
  p.set("limit", String(TRACE_PAGE_SIZE));
  return p.toString();
}

/** The same search for the duration histogram (no sort, columns or paging). */
export function histogramParamsOf(view: Pick<SearchView, "query" | "range">): string {
  const p = new URLSearchParams();
  if (view.query.trim()) p.set("q", view.query.trim());
  for (const [k, v] of Object.entries(rangeParams(view.range))) p.set(k, v);
  return p.toString();
}

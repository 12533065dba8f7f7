"use client";

import { formatDuration } from "@/lib/format/duration";
import { formatInteger } from "@/lib/format/count";
import { useHydrated } from "@/components/ui/use-now";
import { rangeLabel, type TimeRange } from "@/components/query/time-range";
import type { SortKey, SortOrder } from "./view";

interface Props {
  total: number;
  range: TimeRange;
  p95Ms: number | null;
  sort: SortKey;
  order: SortOrder;
  filterName: string | null;
  fetching: boolean;
}

const SORTS: Record<SortKey, [string, string]> = {
  start: ["newest first", "oldest first"],
  duration: ["longest first", "shortest first"],
  spans: ["most spans first", "fewest spans first"],
  errors: ["most errors first", "fewest errors first"],
};

/** One line of what was asked: "1,204 traces · last 24 h · p95 ≤ 812 ms · newest first". */
export function SearchSummary({ total, range, p95Ms, sort, order, filterName, fetching }: Props) {
  const hydrated = useHydrated();
  return (
    <p className="flex items-center gap-1.5 text-muted" data-testid="search-summary" aria-live="polite">
      <span>
        <span className="font-mono text-fg">{formatInteger(total)}</span> {total === 1 ? "trace" : "traces"}
      </span>
      <span aria-hidden>·</span>
      <span>{rangeLabel(range, hydrated ? undefined : "UTC")}</span>
      {filterName && (
        <>
          <span aria-hidden>·</span>
          <span>saved filter “{filterName}”</span>
        </>
      )}
      {p95Ms !== null && (
        <>
          <span aria-hidden>·</span>
          <span title="95th percentile of trace duration, estimated as the top of its histogram bucket (buckets are a quarter decade wide)">
            p95 ≤ <span className="font-mono text-fg">{formatDuration(p95Ms)}</span>
          </span>
        </>
      )}
      <span aria-hidden>·</span>
      <span>{SORTS[sort][order === "desc" ? 0 : 1]}</span>
      {fetching && <span className="ml-1 size-3 animate-spin rounded-full border-2 border-line border-t-accent" role="status" aria-label="Updating" />}
    </p>
  );
}

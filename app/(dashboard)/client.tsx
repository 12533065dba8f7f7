"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { TopBar } from "@/components/nav/top-bar";
import { SendTraces } from "@/components/snippets/send-traces";
import { fetchTracesPage, latestTracesKey, TRACES_POLL_MS } from "@/components/traces/queries";
import { TraceTable } from "@/components/traces/trace-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { ServerNowContext } from "@/components/ui/use-now";
import { formatInteger } from "@/lib/format/count";
import { LiveBadge } from "./live-badge";

interface Props {
  serverNow: number;
  origin: string;
}

export function HomeClient({ serverNow, origin }: Props) {
  const query = useInfiniteQuery({
    queryKey: latestTracesKey,
    queryFn: ({ pageParam }) => fetchTracesPage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: TRACES_POLL_MS,
  });
  const traces = query.data?.pages.flatMap((p) => p.traces) ?? [];
  const total = query.data?.pages[0]?.total ?? traces.length;
  const empty = query.isSuccess && traces.length === 0;

  // The button may vanish with the last page: keep the keyboard where the new rows start.
  const loadMore = async () => {
    const firstNew = traces.length;
    await query.fetchNextPage();
    requestAnimationFrame(() => {
      document.querySelectorAll<HTMLElement>('[data-testid="trace-row"] [data-row-focus]')[firstNew]?.focus();
    });
  };

  return (
    <ServerNowContext value={serverNow}>
      <TopBar title="Traces">
        <LiveBadge updatedAt={query.dataUpdatedAt} failing={query.isRefetchError} />
      </TopBar>
      <div className="flex flex-col gap-3 p-4">
        {query.isError && (
          <p role="alert" className="rounded-md border border-error/40 bg-error-bg px-3 py-2 text-error">
            Could not load traces: {query.error.message}.{" "}
            {traces.length > 0 ? "Showing the last traces loaded; " : ""}retrying every {TRACES_POLL_MS / 1000} s.
          </p>
        )}
        {query.isPending ? (
          <SkeletonRows />
        ) : empty ? (
          <EmptyState title="No traces yet">
            Nothing has been sent to this project. Point an OpenTelemetry or Noveum SDK at this server with one of the
            snippets below; new traces show up here within a few seconds, without reloading.
          </EmptyState>
        ) : (
          <section aria-label="Latest traces" className="flex flex-col gap-2">
            <p className="text-muted" data-testid="traces-summary">
              <span className="font-mono text-fg">{formatInteger(total)}</span> {total === 1 ? "trace" : "traces"} · newest
              first
              {traces.length < total ? ` · ${formatInteger(traces.length)} shown` : ""}
            </p>
            <div className="-mx-4 border-t border-line">
              <TraceTable traces={traces} />
            </div>
            {query.hasNextPage && (
              <Button className="self-center" onClick={() => void loadMore()} disabled={query.isFetchingNextPage}>
                {query.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            )}
          </section>
        )}
        <SendTraces origin={origin} apiKey={null} defaultOpen={empty} />
      </div>
    </ServerNowContext>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { isoToUnixNano } from "@/components/keys/queries";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/time";
import { useNow } from "@/components/ui/use-now";
import { formatDuration, formatInteger } from "@/lib/format";
import { Sep } from "./facts";
import { purgeNow, retentionKey, type PurgeRun, type RetentionView } from "./queries";

/** Seconds since `since`, ticking while it is set: a purge reports nothing until it ends. */
function useElapsed(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [since]);
  return since === null ? 0 : Math.max(0, now - since);
}

function purged(run: PurgeRun): number {
  return Object.values(run.byProject).reduce((a, b) => a + b, 0) + run.forDisk;
}

/** "1,204 spans (default 1,200 · disk budget 4)", or what failed. */
function RunResult({ run, slug }: { run: PurgeRun; slug: string }) {
  if (run.error) return <span className="text-error">failed: {run.error}. The server log has the details.</span>;
  const parts = [
    ...Object.entries(run.byProject).filter(([, n]) => n > 0).map(([name, n]) => `${name === slug ? "this project" : name} ${formatInteger(n)}`),
    ...(run.forDisk > 0 ? [`disk budget ${formatInteger(run.forDisk)}`] : []),
  ];
  return (
    <span>
      purged <span className="font-mono">{formatInteger(purged(run))}</span> spans
      {parts.length > 0 && <span className="text-muted"> ({parts.join(" · ")})</span>} in{" "}
      <span className="font-mono">{formatDuration(run.ms)}</span>
    </span>
  );
}

/** When expired spans are purged, how the last run went, and a button to run it now. */
export function PurgeStatus({ slug, view }: { slug: string; view: RetentionView }) {
  const queryClient = useQueryClient();
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const purge = useMutation({
    mutationFn: () => purgeNow(slug),
    onMutate: () => setStartedAt(Date.now()),
    onSettled: () => {
      setStartedAt(null);
      return queryClient.invalidateQueries({ queryKey: retentionKey(slug) });
    },
  });
  const elapsed = useElapsed(startedAt);
  const now = useNow();
  const { nextRunAt, last, intervalMs } = view.purge;

  return (
    <div className="flex flex-col gap-1.5">
      <p>
        {nextRunAt && Date.parse(nextRunAt) <= now ? (
          <>Purge running now</>
        ) : nextRunAt ? (
          <>
            Next purge <RelativeTime unixNano={isoToUnixNano(nextRunAt)} />
          </>
        ) : (
          <span className="text-muted">No purge scheduled in this process</span>
        )}
        <span className="text-muted"> (every {formatDuration(intervalMs)})</span>
        <Sep />
        {last ? (
          <span data-testid="last-purge">
            last run <RelativeTime unixNano={isoToUnixNano(last.at)} />: <RunResult run={last} slug={slug} />
          </span>
        ) : (
          <span className="text-muted">not run since the server started</span>
        )}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => purge.mutate()} disabled={purge.isPending} title="Run the scheduled purge now">
          {purge.isPending ? "Purging…" : "Purge now"}
        </Button>
        {purge.isPending ? (
          <span role="status" className="flex items-center gap-2 text-xs text-muted" data-testid="purge-progress">
            <span aria-hidden className="relative h-1.5 w-24 overflow-hidden rounded-full bg-hover">
              <span className="absolute inset-y-0 w-1/3 animate-pulse rounded-full bg-accent" />
            </span>
            Deleting expired spans… <span className="font-mono">{Math.floor(elapsed / 1000)} s</span>
          </span>
        ) : purge.isError || purge.data?.error ? (
          <span role="alert" className="text-xs text-error">
            Purge failed: {purge.error?.message ?? purge.data?.error}. Try again, or check the server log.
          </span>
        ) : purge.isSuccess ? (
          <span role="status" className="text-xs text-muted" data-testid="purge-result">
            Done in <span className="font-mono">{formatDuration(purge.data.ms)}</span>:{" "}
            <span className="font-mono">{formatInteger(purged(purge.data))}</span> spans purged.
          </span>
        ) : (
          <span className="text-xs text-muted">
            Runs the scheduled purge now, for every project: spans past their retention, then the oldest past the disk
            budget.
          </span>
        )}
      </div>
    </div>
  );
}

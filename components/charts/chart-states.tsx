"use client";

import { Skeleton } from "@/components/ui/skeleton";
import { Button } from "@/components/ui/button";

/** A chart-shaped placeholder while data (or the browser's time zone) is not there yet. */
export function ChartSkeleton({ height = 280 }: { height?: number }) {
  return (
    <div role="status" aria-label="Loading chart" className="flex flex-col gap-2">
      <div className="flex items-end gap-1" style={{ height }}>
        {Array.from({ length: 48 }, (_, i) => (
          <div key={i} className="flex-1" style={{ height: `${25 + ((i * 37) % 55)}%` }}>
            <Skeleton className="h-full w-full" />
          </div>
        ))}
      </div>
    </div>
  );
}

/** A failed query: what happened, and what to do. Red, because it is an error. */
export function QueryErrorNote({ title, message, hint, onRetry }: { title: string; message: string; hint?: string; onRetry?: () => void }) {
  return (
    <div role="alert" className="rounded-md border border-error/40 bg-error-bg px-3 py-2" data-testid="query-error">
      <p className="font-medium text-error">{title}</p>
      <p className="mt-0.5 font-mono text-xs text-error">{message}</p>
      {hint && <p className="mt-1 text-muted">{hint}</p>}
      {onRetry && (
        <Button className="mt-2" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}

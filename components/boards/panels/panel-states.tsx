import { SkeletonRows } from "@/components/ui/skeleton";

/** A panel's own loading and error states: one panel failing never takes the board down. */
export function PanelLoading() {
  return (
    <div className="flex h-full flex-col justify-center gap-2" role="status" aria-label="Loading the panel">
      <SkeletonRows rows={3} columns={3} />
    </div>
  );
}

export function PanelError({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  return (
    <div role="alert" className="flex h-full flex-col items-start justify-center gap-2 text-error" data-testid="panel-error">
      <p>This panel could not load: {error.message}</p>
      {onRetry && (
        <button type="button" className="rounded-md border border-line px-2 py-0.5 text-fg hover:bg-hover" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

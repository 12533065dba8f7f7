"use client";

import { ApiError } from "@/components/charts/api";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { PreviewSummary, PreviewTable } from "./preview-table";
import type { SamplingPreview as Preview } from "./queries";

interface Props {
  preview: Preview | undefined;
  error: Error | null;
  /** The shown preview is of an older draft, or a newer one is being asked for. */
  updating: boolean;
  /** The draft has problems to fix before it can be previewed. */
  blocked: boolean;
  /** Rows left out because they have no condition yet. */
  skipped: number;
}

/** What the draft would have kept of the last hour. */
export function SamplingPreviewPanel({ preview, error, updating, blocked, skipped }: Props) {
  // A 400 is about one field and is shown on it; anything else is said here.
  const failed = error && !(error instanceof ApiError && error.status === 400);
  return (
    <section aria-labelledby="sampling-preview-title" aria-busy={updating} className="flex flex-col gap-2" data-testid="sampling-preview">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 id="sampling-preview-title" className="font-semibold">
          Preview: the last hour
        </h3>
        {preview && !blocked && <PreviewSummary preview={preview} />}
        <span role="status" className="text-xs text-muted">
          {blocked
            ? "Fix the fields marked in red to update the preview."
            : error && !failed
              ? "A field marked in red has a problem: the preview waits for it."
              : updating
                ? "Updating…"
                : ""}
        </span>
      </div>
      {failed ? (
        <p role="alert" className="text-error">
          Could not preview: {error.message}. Change a rule or reload to try again.
        </p>
      ) : !preview ? (
        <SkeletonRows rows={3} columns={7} />
      ) : preview.total.traces === 0 ? (
        <EmptyState title="No traces in the last hour to preview against">
          Send spans with an API key (see API keys above); the preview then shows what these rules would keep of them.
        </EmptyState>
      ) : (
        <div className={updating || blocked || error ? "opacity-60 transition-opacity" : "transition-opacity"}>
          <PreviewTable preview={preview} />
        </div>
      )}
      <p className="text-xs text-muted">
        {skipped === 1 && "1 rule has no condition yet and is left out. "}
        {skipped > 1 && `${skipped} rules have no condition yet and are left out. `}
        Counted on what is stored, which an earlier policy may already have sampled; kept counts are what the rates keep on
        average.
      </p>
    </section>
  );
}

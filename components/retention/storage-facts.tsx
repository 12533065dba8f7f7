"use client";

import { RelativeTime } from "@/components/ui/time";
import { formatCount, formatInteger, formatPercent } from "@/lib/format";
import { formatBytes } from "./bytes";
import { Fact, Sep } from "./facts";
import type { RetentionView } from "./queries";

const mono = "font-mono";

/** What is stored: the store's size against its budget, this project's spans, the writer's queue. */
export function StorageFacts({ view }: { view: RetentionView }) {
  const { storage, writer, maxDiskBytes } = view;
  return (
    <>
      <Fact label="Store (all projects)" testId="storage-size">
        <span className={mono}>{formatBytes(storage.usedBytes)}</span> used
        <Sep />
        file <span className={mono}>{formatBytes(storage.fileBytes)}</span>
        <Sep />
        WAL <span className={mono}>{formatBytes(storage.walBytes)}</span>
        <span className="ml-2 text-xs text-faint">{storage.engine}</span>
      </Fact>
      <Fact label="Disk budget" testId="disk-budget">
        {maxDiskBytes === null ? (
          <span className="text-muted">
            None: the store grows until retention removes spans. Set{" "}
            <code className="font-mono text-fg">SPANLENS_MAX_DISK</code> (e.g. <code className="font-mono">20GB</code>) to
            drop the oldest spans past a size.
          </span>
        ) : (
          <BudgetBar used={storage.usedBytes} budget={maxDiskBytes} />
        )}
      </Fact>
      <Fact label="This project" testId="project-spans">
        {storage.spans === 0 || !storage.oldestStartNs || !storage.newestStartNs ? (
          <span className="text-muted">No spans stored yet. Send some with an API key (see API keys above).</span>
        ) : (
          <>
            <span className={mono} title={`${formatInteger(storage.spans)} spans`}>
              {formatCount(storage.spans)}
            </span>{" "}
            spans
            <Sep />
            oldest <RelativeTime unixNano={storage.oldestStartNs} />
            <Sep />
            newest <RelativeTime unixNano={storage.newestStartNs} />
          </>
        )}
      </Fact>
      <Fact label="Writer" testId="writer">
        <span className="text-muted">
          <span className={`${mono} text-fg`}>{formatCount(writer.queuedSpans)}</span> spans queued
          {writer.queuedBytes > 0 && <> ({formatBytes(writer.queuedBytes)})</>}
          <Sep />
          <span className={`${mono} text-fg`}>{formatCount(writer.committedSpans)}</span> committed in{" "}
          <span className={`${mono} text-fg`}>{formatCount(writer.commits)}</span> {writer.commits === 1 ? "commit" : "commits"}{" "}
          since start
          {writer.rejectedOverload > 0 && (
            <>
              <Sep />
              <span className={`${mono} text-fg`}>{formatCount(writer.rejectedOverload)}</span> requests refused while
              overloaded (429)
            </>
          )}
        </span>
      </Fact>
    </>
  );
}

function BudgetBar({ used, budget }: { used: number; budget: number }) {
  const ratio = used / budget;
  return (
    <span className="flex items-center gap-2">
      <span className="font-mono">{formatBytes(budget)}</span>
      <span className="text-muted">
        (<code className="font-mono">SPANLENS_MAX_DISK</code>)
      </span>
      <span
        role="meter"
        aria-label="Disk budget used"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(Math.min(ratio, 1) * 100)}
        className="h-1.5 w-32 overflow-hidden rounded-full bg-hover"
      >
        <span className="block h-full rounded-full bg-accent" style={{ width: `${Math.min(ratio, 1) * 100}%` }} />
      </span>
      <span className="font-mono text-xs">{formatPercent(ratio)}</span>
      <span className="text-xs text-muted">used; past it the oldest spans of every project are purged first</span>
    </span>
  );
}

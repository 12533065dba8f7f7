"use client";

import { formatCount, formatInteger } from "@/lib/format/count";
import { formatDuration } from "@/lib/format/duration";
import type { WaterfallModel } from "@/lib/waterfall/model";
import type { SpanTree } from "@/lib/waterfall/types";
import { useMemo } from "react";
import { ServiceChip } from "@/components/ui/service-chip";
import { AbsoluteTime } from "@/components/ui/time";

function Stat({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="flex flex-col gap-0.5" data-testid={testId}>
      <dt className="text-[11px] tracking-wide text-muted uppercase">{label}</dt>
      <dd className="font-mono">{children}</dd>
    </div>
  );
}

/** Services by span count, most first: the header lists the busy ones first. */
function servicesByCount(tree: SpanTree): string[] {
  const { trace } = tree;
  const counts = new Int32Array(trace.services.length);
  for (let i = 0; i < trace.service.length; i++) counts[trace.service[i]]++;
  return trace.services.map((name, i) => [name, counts[i]] as const).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n);
}

/** Root, duration, spans, depth, errors, services and start: the trace at a glance. */
export function TraceSummary({ model, statsOpen, onToggleStats }: { model: WaterfallModel; statsOpen: boolean; onToggleStats: () => void }) {
  const { tree } = model;
  // Counted once per trace, not on every render of the page (100,000 spans).
  const services = useMemo(() => servicesByCount(model.tree), [model.tree]);
  const root = tree.span[0] >= 0 ? tree.span[0] : -1;
  return (
    <dl className="flex flex-wrap items-start gap-x-7 gap-y-2 border-b border-line px-4 py-2.5" data-testid="trace-header">
      <Stat label="Duration" testId="trace-duration">{formatDuration(tree.durationNs / 1e6)}</Stat>
      <Stat label="Spans" testId="trace-span-count">
        <span title={formatInteger(tree.trace.spanCount)}>{formatCount(tree.trace.spanCount)}</span>
      </Stat>
      <Stat label="Depth">{tree.maxDepth + 1}</Stat>
      <Stat label="Errors" testId="trace-errors">
        {model.errors > 0 ? <span className="font-semibold text-error">{formatCount(model.errors)}</span> : <span className="text-faint">0</span>}
      </Stat>
      <Stat label="Started">
        <AbsoluteTime unixNano={tree.trace.startTimeUnixNano} />
      </Stat>
      {root >= 0 && (
        <Stat label="Root">
          <span className="font-sans">{tree.trace.names[tree.trace.name[root]] || "(unnamed span)"}</span>
        </Stat>
      )}
      <div className="flex min-w-0 flex-col gap-0.5">
        <dt className="text-[11px] tracking-wide text-muted uppercase">Services · {services.length}</dt>
        <dd className="flex flex-wrap gap-1">
          {services.slice(0, 12).map((s) => <ServiceChip key={s} name={s} />)}
          {services.length > 12 && <span className="text-xs text-muted">+{services.length - 12} more</span>}
        </dd>
      </div>
      <button type="button" onClick={onToggleStats} aria-expanded={statsOpen} className="ml-auto self-center rounded-md border border-line px-2 py-1 text-xs text-muted hover:bg-hover hover:text-fg">
        {statsOpen ? "Hide statistics" : "Statistics"}
      </button>
    </dl>
  );
}

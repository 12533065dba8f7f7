"use client";

import { TopBar } from "@/components/nav/top-bar";
import { CopyLinkMenu } from "@/components/share/copy-link-menu";
import { CompareWith } from "@/components/trace-compare/compare-with";
import { TraceWaterfall } from "@/components/waterfall/trace-waterfall";
import { CopyId } from "@/components/ui/copy-id";
import { ServiceChip } from "@/components/ui/service-chip";
import type { TraceSummary } from "@/lib/contract";

export function TraceClient({ summary }: { summary: TraceSummary }) {
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <TopBar
        title={
          <span className="flex items-center gap-2">
            <ServiceChip name={summary.rootService} />
            {summary.rootName || "(unnamed span)"}
          </span>
        }
        subtitle={
          <span className="text-xs">
            trace <CopyId id={summary.traceId} />
          </span>
        }
      >
        <CompareWith summary={summary} />
        <CopyLinkMenu keeps="the selected span, zoom, search and collapsed spans" />
      </TopBar>
      <TraceWaterfall summary={summary} />
    </div>
  );
}

"use client";

import { withProject } from "@/components/project/with-project";

import { useQuery } from "@tanstack/react-query";
import { formatDuration, formatOffset } from "@/lib/format/duration";
import { formatPercent } from "@/lib/format/count";
import type { WaterfallModel } from "@/lib/waterfall/model";
import { KIND_NAMES } from "@/lib/waterfall/types";
import { AttributeList } from "@/components/spans/attribute-list";
import { StatusLabel } from "@/components/spans/status-label";
import { CopyId } from "@/components/ui/copy-id";
import { ServiceChip } from "@/components/ui/service-chip";
import { Skeleton } from "@/components/ui/skeleton";
import { AbsoluteTime } from "@/components/ui/time";
import { EventsTable, LinksList, Section } from "./span-panel-sections";
import type { SpanView } from "@/lib/contract";

const STATUS = ["unset", "ok", "error"] as const;

async function fetchSpan(traceId: string, spanId: string, signal: AbortSignal): Promise<SpanView> {
  const res = await fetch(withProject(`/api/v1/traces/${traceId}/spans/${spanId}`), { signal });
  if (!res.ok) throw new Error(((await res.json().catch(() => null)) as { error?: string } | null)?.error ?? `span answered ${res.status}`);
  return res.json() as Promise<SpanView>;
}

/**
 * The selected span. Name, timing and status come from the waterfall's columns at once;
 * attributes, resource, events and links are fetched for this one span.
 */
export function SpanPanel({ model, pos, traceId, onClose }: { model: WaterfallModel; pos: number; traceId: string; onClose: () => void }) {
  const { tree } = model;
  const { trace } = tree;
  const s = tree.span[pos];
  const spanId = trace.spanId[s];
  const full = useQuery({ queryKey: ["trace", traceId, "span", spanId], queryFn: ({ signal }) => fetchSpan(traceId, spanId, signal), staleTime: 60_000 });
  const name = trace.names[trace.name[s]];
  const durNs = trace.durationNs[s];
  const parent = tree.parent[pos] >= 0 && tree.span[tree.parent[pos]] >= 0 ? trace.spanId[tree.span[tree.parent[pos]]] : null;
  const span = full.data;
  const selfNs = model.analysis ? model.analysis.selfNs[pos] : null;
  return (
    <aside aria-label={`Span ${name}`} data-testid="span-detail" className="flex min-h-0 flex-col overflow-y-auto border-l border-line bg-bg">
      <div className="flex items-start gap-2 px-4 pt-3 pb-2">
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-sm font-semibold" title={name}>{name || "(unnamed span)"}</h2>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
            <ServiceChip name={trace.services[trace.service[s]]} />
            <span className="text-muted">{KIND_NAMES[trace.kind[s]] ?? "unspecified"}</span>
            <StatusLabel status={STATUS[trace.status[s]] ?? "unset"} />
            {model.analysis?.critical.onPath[pos] === 1 && <span className="rounded border border-line px-1 text-[11px] text-muted">on critical path</span>}
          </div>
        </div>
        <button type="button" onClick={onClose} aria-label="Close span details (Esc)" title="Close (Esc)" className="rounded px-1.5 text-lg leading-none text-muted hover:bg-hover hover:text-fg">×</button>
      </div>
      {span?.status.code === "error" && span.status.message && (
        <p role="note" className="mx-4 mb-2 rounded border border-error/40 bg-error-bg px-2 py-1 font-mono text-xs text-error">{span.status.message}</p>
      )}
      <dl className="grid grid-cols-[6rem_1fr] gap-y-0.5 px-4 pb-3 text-xs" data-testid="span-timing">
        <dt className="text-muted">Offset</dt>
        <dd className="font-mono">{formatOffset(trace.startOffsetNs[s] / 1e6)}</dd>
        <dt className="text-muted">Duration</dt>
        <dd className="font-mono">{formatDuration(durNs / 1e6)} <span className="text-muted">· {formatPercent(durNs / (tree.durationNs || 1))} of trace</span></dd>
        <dt className="text-muted">Self time</dt>
        <dd className="font-mono">
          {selfNs === null ? <span className="text-faint">computing…</span> : <>{formatDuration(selfNs / 1e6)} {durNs > 0 && <span className="text-muted">· {formatPercent(selfNs / durNs)}</span>}</>}
        </dd>
        <dt className="text-muted">Start</dt>
        <dd>{span ? <AbsoluteTime unixNano={span.startTimeUnixNano} /> : <Skeleton className="h-3 w-40" />}</dd>
        <dt className="text-muted">Span ID</dt>
        <dd><CopyId id={spanId} className="-ml-1" /></dd>
        <dt className="text-muted">Parent</dt>
        <dd>
          {parent ? <CopyId id={parent} className="-ml-1" /> : trace.parentSpanId[s] ? <span className="text-muted">{trace.parentSpanId[s]} (missing)</span> : <span className="text-faint">none (root)</span>}
        </dd>
      </dl>
      {full.isError ? (
        <p role="alert" className="border-t border-line px-4 py-3 text-error">Could not load this span&apos;s attributes: {full.error.message}</p>
      ) : !span ? (
        <div className="space-y-2 border-t border-line px-4 py-3" role="status" aria-label="Loading attributes">
          {Array.from({ length: 6 }, (_, i) => <Skeleton key={i} className="h-3 w-full" />)}
        </div>
      ) : (
        <>
          <Section title="Attributes" count={Object.keys(span.attributes).length}>
            <AttributeList attributes={span.attributes} empty="This span has no attributes." testId="span-attributes" scope="span" />
          </Section>
          <Section title="Resource" count={Object.keys(span.resource).length}>
            <AttributeList attributes={span.resource} empty="No resource attributes." testId="span-resource" scope="resource" />
          </Section>
          <Section title="Events" count={span.events.length}>
            <EventsTable span={span} />
          </Section>
          {span.links.length > 0 && (
            <Section title="Links" count={span.links.length}>
              <LinksList span={span} />
            </Section>
          )}
        </>
      )}
    </aside>
  );
}

"use client";

import { useCsvRows } from "../panel-export";
import { useQuery } from "@tanstack/react-query";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { apiFetch } from "@/components/search/api";
import { useProject } from "@/components/project/project-context";
import type { TracesPanelQuery } from "@/lib/boards/types";
import { boardTracesKey, tracesPanelQs } from "@/lib/boards/panel-queries";
import { formatDuration } from "@/lib/format/duration";
import type { PanelEnv } from "./panel-context";
import { PanelError, PanelLoading } from "./panel-states";
import type { TraceSearchPage } from "@/lib/contract";

/** A short trace list (slowest operations, latest errors...) that links into each trace. */
export function TracesPanel({ query, env }: { query: TracesPanelQuery; env: PanelEnv }) {
  const { slug } = useProject();
  const qs = tracesPanelQs(query, env.range, env.variables);
  const search = useQuery({ queryKey: boardTracesKey(qs), queryFn: () => apiFetch<TraceSearchPage>(`/api/v1/traces?${qs}`) });
  const data = search.data;
  useCsvRows(() => data && [
    ["trace_id", "root", "service", "start_unix_nano", "duration_ms", "spans", "errors"],
    ...data.traces.map((t) => [t.traceId, t.rootName, t.rootService, t.startTimeUnixNano, t.durationMs, t.spanCount, t.errorCount]),
  ]);
  if (search.error && !data) return <PanelError error={search.error} onRetry={() => void search.refetch()} />;
  if (!data) return <PanelLoading />;
  if (data.traces.length === 0) return <p className="text-muted">No traces match in this range. Widen the time range or clear a variable.</p>;
  const cols = query.cols ?? [];
  return (
    <table className="w-full border-collapse text-[13px]" data-testid="traces-panel">
      <thead>
        <tr className="text-left text-xs text-muted">
          <th className="py-1 pr-2 font-medium">Trace</th>
          <th className="py-1 pr-2 font-medium">Service</th>
          {cols.map((c) => <th key={c} className="py-1 pr-2 font-medium">{c}</th>)}
          <th className="py-1 text-right font-medium">Duration</th>
        </tr>
      </thead>
      <tbody>
        {data.traces.map((t) => (
          <tr key={t.traceId} className="border-t border-line">
            <td className="max-w-0 truncate py-1 pr-2">
              <Link className="hover:underline" href={`/traces/${t.traceId}?project=${encodeURIComponent(slug)}`}>{t.rootName}</Link>
            </td>
            <td className="truncate py-1 pr-2 text-muted">{t.rootService}</td>
            {cols.map((c) => <td key={c} className="truncate py-1 pr-2">{String((t.columns as Record<string, unknown>)[c] ?? "")}</td>)}
            <td className="py-1 text-right font-mono tabular-nums">{formatDuration(t.durationMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

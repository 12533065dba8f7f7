"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { formatCount } from "@/lib/format/count";
import { formatDuration } from "@/lib/format/duration";
import { shortId } from "@/lib/format/id";
import { addFilter } from "@/lib/query-builder/edit";
import type { TraceSearchPage, TraceSummary } from "@/lib/contract";
import { apiFetch } from "@/components/search/api";
import { equals } from "@/components/search/filter-value";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { RelativeTime } from "@/components/ui/time";
import { compareHref } from "./pick-traces";
import { TRACE_ID } from "./use-trace-bytes";

/** How far back, and how many, traces of the same root are offered. */
const SIMILAR_SINCE = "24h";
const SIMILAR_LIMIT = 12;

/** Recent traces with the same root service and operation: the usual thing to compare with. */
function useSimilarTraces(summary: TraceSummary, enabled: boolean) {
  const q = addFilter(addFilter("", equals("trace:rootService", summary.rootService)), equals("trace:rootName", summary.rootName));
  const params = new URLSearchParams({ q, since: SIMILAR_SINCE, limit: String(SIMILAR_LIMIT + 1) });
  return useQuery({
    queryKey: ["trace-compare", "similar", params.toString()],
    queryFn: ({ signal }) => apiFetch<TraceSearchPage>(`/api/v1/traces?${params}`, { signal }),
    enabled,
    select: (page) => page.traces.filter((t) => t.traceId !== summary.traceId).slice(0, SIMILAR_LIMIT),
  });
}

/**
 * "Compare with…" on a trace's page: this trace is A; B is picked from recent traces of the
 * same root, or pasted. A native <dialog>: focus stays inside and Esc closes it.
 */
export function CompareWith({ summary }: { summary: TraceSummary }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const [id, setId] = useState("");
  const [tried, setTried] = useState(false);
  const similar = useSimilarTraces(summary, open);
  useEffect(() => {
    const d = ref.current;
    if (open && d && !d.open) d.showModal();
  }, [open]);
  const go = (other: string) => router.push(compareHref(summary.traceId, other.trim().toLowerCase()));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (TRACE_ID.test(id.trim())) go(id);
  };
  const invalid = tried && !TRACE_ID.test(id.trim());
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="compare-with">Compare with…</Button>
      {open && (
        <dialog ref={ref} onClose={() => setOpen(false)} aria-labelledby="compare-with-title" className="m-auto w-[34rem] max-w-[95vw] rounded-lg border border-line bg-bg p-4 text-fg shadow-xl backdrop:bg-black/40">
          <h2 id="compare-with-title" className="text-sm font-semibold">Compare this trace (A) with…</h2>
          <p className="mt-1 text-xs text-muted">Recent traces of the same root operation, last {SIMILAR_SINCE}:</p>
          <div className="mt-2 max-h-72 overflow-auto rounded-md border border-line" aria-busy={similar.isPending}>
            {similar.isPending ? (
              <p role="status" className="px-3 py-2 text-muted">Looking for traces of {summary.rootName || "this root"}…</p>
            ) : similar.isError ? (
              <p role="alert" className="px-3 py-2 text-error">Could not list recent traces: {similar.error.message}. Paste an id below instead.</p>
            ) : similar.data.length === 0 ? (
              <p className="px-3 py-2 text-muted">No other trace of this root operation in the last {SIMILAR_SINCE}. Paste an id below, or tick two traces in Traces.</p>
            ) : (
              <ul className="divide-y divide-line">
                {similar.data.map((t) => (
                  <li key={t.traceId}>
                    <button type="button" onClick={() => go(t.traceId)} data-testid="similar-trace" className="flex w-full items-center gap-3 px-3 py-1.5 text-left hover:bg-hover focus-visible:bg-hover">
                      <span className="w-24 text-xs text-muted"><RelativeTime unixNano={t.startTimeUnixNano} /></span>
                      <span className="w-20 text-right font-mono text-xs">{formatDuration(t.durationMs)}</span>
                      <span className="w-20 text-right font-mono text-xs text-muted">{formatCount(t.spanCount)} spans</span>
                      {t.errorCount > 0 && <span className="font-mono text-xs text-error">{formatCount(t.errorCount)} err</span>}
                      <span className="ml-auto font-mono text-xs text-muted" title={t.traceId}>{shortId(t.traceId)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <form onSubmit={submit} className="mt-3 flex items-center gap-2">
            <Input value={id} onChange={(e) => setId(e.target.value)} placeholder="Or paste a trace id" aria-label="Trace id to compare with" aria-invalid={invalid} className="flex-1 font-mono" spellCheck={false} />
            <Button type="submit" variant="primary">Compare</Button>
          </form>
          {invalid && <p role="alert" className="mt-1 text-xs text-error">Not a trace id: expected 32 or 16 hex characters.</p>}
          <div className="mt-3 flex justify-end">
            <Button onClick={() => ref.current?.close()}>Cancel</Button>
          </div>
        </dialog>
      )}
    </>
  );
}

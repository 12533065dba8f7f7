"use client";

import { withProject } from "@/components/project/with-project";

import { useQuery } from "@tanstack/react-query";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { formatOffset } from "@/lib/format/duration";
import { offsetMs } from "@/lib/format/time";
import { isExceptionEvent } from "@/lib/waterfall/events";
import { AttributeList } from "@/components/spans/attribute-list";
import { CopyId } from "@/components/ui/copy-id";
import type { JsonValue, SpanView } from "@/lib/contract";

export function Section({ title, count, children }: { title: string; count?: number; children: React.ReactNode }) {
  return (
    <section className="border-t border-line px-4 py-3">
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-muted uppercase">
        {title}
        {count !== undefined && <span className="ml-1.5 font-mono font-normal">{count}</span>}
      </h3>
      {children}
    </section>
  );
}

/** The span's events with their time into the span; exceptions in red with their stack trace folded. */
export function EventsTable({ span }: { span: SpanView }) {
  if (span.events.length === 0) return <p className="text-muted">No events.</p>;
  return (
    <table className="w-full border-collapse text-xs" data-testid="span-events">
      <thead>
        <tr className="text-left text-[11px] text-muted">
          <th scope="col" className="w-20 pb-1 font-medium">Offset</th>
          <th scope="col" className="pb-1 font-medium">Event</th>
        </tr>
      </thead>
      <tbody>
        {span.events.map((e, i) => {
          const { "exception.stacktrace": stack, ...rest } = e.attributes as Record<string, JsonValue>;
          return (
            <tr key={i} className="border-t border-line/60 align-top">
              <td className="py-1.5 pr-2 font-mono text-muted">{formatOffset(offsetMs(e.timeUnixNano, span.startTimeUnixNano))}</td>
              <td className="py-1.5">
                <div className={`mb-1 font-mono font-medium ${isExceptionEvent(e.name) ? "text-error" : ""}`}>{e.name}</div>
                <AttributeList attributes={rest} empty="No attributes." />
                {typeof stack === "string" && (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-muted">Stack trace</summary>
                    <pre className="mt-1 max-h-64 overflow-auto rounded bg-panel p-2 font-mono text-[11px] whitespace-pre-wrap">{stack}</pre>
                  </details>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Whether a linked span is stored here: asks for that one span (cheap), not its trace. */
function useStored(traceId: string, spanId: string) {
  return useQuery({
    queryKey: ["trace", traceId, "span", spanId, "exists"],
    queryFn: async ({ signal }) => (await fetch(withProject(`/api/v1/traces/${traceId}/spans/${spanId}`), { signal })).ok,
    staleTime: 60_000,
  });
}

function LinkRow({ link }: { link: SpanView["links"][number] }) {
  const stored = useStored(link.traceId, link.spanId);
  return (
    <li className="flex flex-wrap items-center gap-1 font-mono text-xs">
      trace <CopyId id={link.traceId} /> span <CopyId id={link.spanId} />
      {stored.data ? (
        <Link href={`/traces/${link.traceId}?span=${link.spanId}`} className="ml-1 font-sans text-accent hover:underline">Open linked trace</Link>
      ) : (
        <span className="ml-1 font-sans text-faint">{stored.isPending ? "checking…" : "not stored here"}</span>
      )}
      {Object.keys(link.attributes).length > 0 && <div className="w-full pl-2"><AttributeList attributes={link.attributes} empty="" /></div>}
    </li>
  );
}

export function LinksList({ span }: { span: SpanView }) {
  return <ul className="space-y-1.5" data-testid="span-links">{span.links.map((l, i) => <LinkRow key={i} link={l} />)}</ul>;
}

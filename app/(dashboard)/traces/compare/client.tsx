"use client";

import { IntentLink as Link } from "@/components/ui/intent-link";
import { useQueryStates } from "nuqs";
import { TopBar } from "@/components/nav/top-bar";
import { CopyLinkMenu } from "@/components/share/copy-link-menu";
import { CompareHeader } from "@/components/trace-compare/compare-header";
import { CompareTree } from "@/components/trace-compare/compare-tree";
import { PickIdsForm } from "@/components/trace-compare/pick-ids-form";
import { CompareProgress } from "@/components/trace-compare/compare-progress";
import { useAlignment } from "@/components/trace-compare/use-alignment";
import { TRACE_ID, TraceLoadError, usePreloadTraceBytes, useTraceBytes } from "@/components/trace-compare/use-trace-bytes";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { compareParsers } from "./search-params";

/** What went wrong with one side, in words that say what to do. */
function sideProblem(side: "A" | "B", id: string | null, error: { status: number; message: string } | null): string | null {
  if (!id) return null;
  if (!TRACE_ID.test(id)) return `Trace ${side} (“${id}”) is not a trace id: expected 32 or 16 hex characters.`;
  if (!error) return null;
  if (error.status === 404) return `Trace ${side} (${id}) is not in this project: check the id, or switch to the project that received it. Traces past the retention period are deleted.`;
  return `Trace ${side} (${id}) could not be loaded: ${error.message}.`;
}

export function CompareClient() {
  const [url, setUrl] = useQueryStates(compareParsers, { history: "push" });
  usePreloadTraceBytes([url.a, url.b]);
  const a = useTraceBytes(url.a);
  const b = useTraceBytes(url.b);
  // Parsed and aligned in a worker started with the downloads: the page only receives the aligned columns.
  const aligned = useAlignment(url.a, url.b);
  const alignment = aligned.data ?? null;
  const problems = [
    sideProblem("A", url.a, a.error),
    sideProblem("B", url.b, b.error),
    // A failed download fails the alignment too: the side's own line says so.
    aligned.error && !(aligned.error instanceof TraceLoadError) && `The two traces could not be compared: ${aligned.error.message}. Reload the page to try again.`,
  ].filter((p): p is string => !!p);
  const pick = (ida: string, idb: string) => void setUrl({ a: ida, b: idb });

  let body: React.ReactNode;
  if (!url.a || !url.b) {
    body = (
      <div className="flex flex-col gap-4 p-4">
        <EmptyState title="Pick two traces to compare">
          Tick two rows in <Link href="/traces" className="underline">Traces</Link> and press Compare, or use “Compare with…” on a
          trace’s page. Or paste two trace ids here:
        </EmptyState>
        <PickIdsForm a={url.a ?? ""} b={url.b ?? ""} onPick={pick} />
      </div>
    );
  } else if (problems.length > 0) {
    body = (
      <div className="flex flex-col gap-4 p-4">
        <div role="alert" className="rounded-md border border-error/40 bg-error-bg px-3 py-2 text-error" data-testid="compare-error">
          {problems.map((p) => <p key={p}>{p}</p>)}
        </div>
        <PickIdsForm key={`${url.a}/${url.b}`} a={url.a} b={url.b} onPick={pick} />
      </div>
    );
  } else if (!alignment) {
    body = <CompareProgress a={{ done: !!a.data, bytes: a.bytes }} b={{ done: !!b.data, bytes: b.bytes }} step={aligned.step} />;
  } else {
    body = (
      <>
        <CompareHeader alignment={alignment} measure={url.dur} onMeasure={(dur) => void setUrl({ dur }, { history: "replace" })} />
        <CompareTree key={`${url.a}/${url.b}`} alignment={alignment} measure={url.dur} />
      </>
    );
  }

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <TopBar title="Compare traces" subtitle={alignment ? <span className="text-xs">B against A</span> : undefined}>
        {url.a && url.b && (
          <Button variant="ghost" onClick={() => void setUrl({ a: url.b, b: url.a })} title="Make B the baseline">Swap A and B</Button>
        )}
        <CopyLinkMenu keeps="both traces and the duration measure" />
      </TopBar>
      {body}
    </div>
  );
}

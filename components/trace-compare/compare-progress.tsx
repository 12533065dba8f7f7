"use client";

import { SkeletonRows } from "@/components/ui/skeleton";
import type { CompareStep } from "./compare-worker-protocol";

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

interface Side {
  done: boolean;
  bytes: number;
}

const STEP_TEXT: Record<CompareStep, string> = {
  parse: "Reading both traces…",
  align: "Aligning the span trees…",
};

function sideText(name: "A" | "B", s: Side) {
  if (s.done) return `Trace ${name}: ${mb(s.bytes)} received`;
  return s.bytes > 0 ? `Trace ${name}: downloading… ${mb(s.bytes)} received` : `Trace ${name}: downloading…`;
}

/**
 * What the comparison is waiting for: each trace's download, then the worker's steps. Big
 * traces take seconds, so every step is named rather than a bare spinner.
 */
export function CompareProgress({ a, b, step }: { a: Side; b: Side; step: CompareStep | null }) {
  const downloading = !a.done || !b.done;
  return (
    <div className="flex flex-col gap-2 p-4">
      <div role="status" aria-live="polite" className="flex flex-col gap-0.5 text-muted" data-testid="compare-progress" data-step={downloading ? "download" : (step ?? "parse")}>
        {downloading ? (
          <>
            <p>{sideText("A", a)}</p>
            <p>{sideText("B", b)}</p>
          </>
        ) : (
          <p>{STEP_TEXT[step ?? "parse"]} <span className="font-mono text-xs">({mb(a.bytes + b.bytes)})</span></p>
        )}
      </div>
      <SkeletonRows rows={14} columns={6} />
    </div>
  );
}

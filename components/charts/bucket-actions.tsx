"use client";

import { IntentLink as Link } from "@/components/ui/intent-link";
import { useEffect, useRef } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import type { ChartSeries } from "@/lib/chart-data/series";
import { bucketTime } from "./time-format";

interface Props {
  series: ChartSeries;
  t: number;
  stepMs: number;
  href: string;
  /** The series' spans in the bucket against the rest of the chart's window. */
  onCompare: () => void;
  onClose: () => void;
}

/**
 * What a clicked bar or point offers: its traces, or "What is different?" about its spans.
 * Takes the focus when it appears, so the keyboard can go on from the click; Esc closes it.
 */
export function BucketActions({ series, t, stepMs, href, onCompare, onClose }: Props) {
  const first = useRef<HTMLAnchorElement>(null);
  useEffect(() => first.current?.focus(), [series.key, t]);
  return (
    <div
      role="group"
      aria-label="Selected bucket"
      className="flex flex-wrap items-center gap-2 rounded-md border border-line bg-panel px-3 py-1.5 text-xs"
      data-testid="bucket-actions"
      onKeyDown={(e) => e.key === "Escape" && (e.stopPropagation(), onClose())}
    >
      <span aria-hidden className="size-2 shrink-0 rounded-sm" style={{ backgroundColor: series.color }} />
      <span className={series.isOther ? "italic" : "font-mono"}>{series.label}</span>
      <span className="text-muted">{bucketTime(t, stepMs)}</span>
      <span className="ml-auto" />
      <Link ref={first} href={href} className={buttonClass("secondary")} data-testid="bucket-traces">Open its traces →</Link>
      <Button
        variant="primary"
        onClick={onCompare}
        data-testid="bucket-compare"
        title="This bucket's spans against the rest of the chart's query over its whole window"
      >
        What is different?
      </Button>
      <button type="button" onClick={onClose} className="h-6 rounded px-1.5 text-muted hover:bg-hover hover:text-fg" aria-label="Clear the selection">✕</button>
    </div>
  );
}

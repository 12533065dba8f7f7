"use client";

import { useEffect, useRef } from "react";
import { ComparePanel, useCompareState } from "@/components/compare/compare-panel";

/**
 * "What is different?" opened from a panel's bar, point or cell, above the grid: a panel is
 * too small to hold it. It is scrolled to when a new comparison opens, since the panel that
 * opened it may sit far down the board.
 */
export function BoardComparison() {
  const { state } = useCompareState();
  const at = useRef<HTMLDivElement>(null);
  const key = state && `${state.selection}\n${state.fromMs}\n${state.toMs}`;
  useEffect(() => {
    if (key) at.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [key]);
  if (!state) return null;
  return (
    <div ref={at} className="scroll-mt-4" data-testid="board-comparison">
      <ComparePanel note="The selection and baseline carry the board's variables as they were when it was opened; the link keeps them." />
    </div>
  );
}

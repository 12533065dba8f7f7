"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-now";
import { Popover } from "./popover";
import { PRESETS, fromLocalInput, pinRange, rangeLabel, sinceLabel, toLocalInput, type TimeRange } from "./time-range";

interface Props {
  range: TimeRange;
  onChange: (range: TimeRange) => void;
}

const INPUT = "h-7 rounded-md border border-line bg-bg px-2 font-mono text-xs text-fg";

/** Relative presets ("last 1 h", moves with the clock) and an absolute from/to (pinned). */
export function TimeRangePicker({ range, onChange }: Props) {
  const hydrated = useHydrated();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const startMs = fromLocalInput(from);
  const endMs = fromLocalInput(to);
  const problem = Number.isNaN(startMs) || Number.isNaN(endMs) ? "Enter both times" : startMs >= endMs ? "From must be before To" : null;

  return (
    <Popover
      label="Time range"
      testId="time-range"
      align="end"
      buttonTitle={range.kind === "relative" ? "Relative: moves with the clock" : "Absolute: pinned"}
      // Start the absolute form from the window the page shows now.
      onOpen={() => {
        const pinned = pinRange(range, Date.now());
        setFrom(toLocalInput(pinned.startMs));
        setTo(toLocalInput(pinned.endMs));
      }}
      button={
        <>
          <svg viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.4" aria-hidden>
            <circle cx="8" cy="8" r="6" />
            <path d="M8 4.5V8l2.5 1.5" />
          </svg>
          <span className="font-mono text-xs">{rangeLabel(range, hydrated ? undefined : "UTC")}</span>
        </>
      }
    >
      {(close) => (
        <div className="flex w-[26rem] gap-4">
          <ul className="flex w-32 shrink-0 flex-col gap-0.5" aria-label="Relative ranges">
            {PRESETS.map((p) => {
              const current = range.kind === "relative" && range.since === p;
              return (
                <li key={p}>
                  <button
                    type="button"
                    aria-pressed={current}
                    onClick={() => {
                      onChange({ kind: "relative", since: p });
                      close();
                    }}
                    className={`w-full rounded-md px-2 py-1 text-left text-[13px] ${current ? "bg-selected font-medium" : "hover:bg-hover"}`}
                  >
                    {sinceLabel(p).replace(/^l/, "L")}
                  </button>
                </li>
              );
            })}
          </ul>
          <form
            className="flex flex-1 flex-col gap-2 border-l border-line pl-4"
            onSubmit={(e) => {
              e.preventDefault();
              if (problem) return;
              onChange({ kind: "absolute", startMs, endMs });
              close();
            }}
          >
            <p className="text-xs font-medium">Absolute range <span className="font-normal text-muted">(your time zone)</span></p>
            <label className="flex flex-col gap-0.5 text-xs text-muted">
              From
              <input type="datetime-local" className={INPUT} value={from} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label className="flex flex-col gap-0.5 text-xs text-muted">
              To
              <input type="datetime-local" className={INPUT} value={to} onChange={(e) => setTo(e.target.value)} />
            </label>
            {problem && (from || to) && <p className="text-xs text-error">{problem}</p>}
            <Button type="submit" variant="primary" className="self-start" disabled={!!problem}>
              Apply range
            </Button>
          </form>
        </div>
      )}
    </Popover>
  );
}

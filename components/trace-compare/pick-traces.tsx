"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { shortId } from "@/lib/format/id";
import { withProject } from "@/components/project/with-project";
import { Button } from "@/components/ui/button";

/** Two traces ticked in a results table, in the order ticked: the first is A, the baseline. */
export interface TracePicks {
  picked: readonly string[];
  toggle: (traceId: string) => void;
  clear: () => void;
}

export function useTracePicks(): TracePicks {
  const [picked, setPicked] = useState<readonly string[]>([]);
  return {
    picked,
    toggle: (id) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : p.length < 2 ? [...p, id] : p)),
    clear: () => setPicked([]),
  };
}

export const compareHref = (a: string, b: string) => withProject(`/traces/compare?a=${a}&b=${b}`);

/** The tick box of one row; a third trace cannot be ticked until one of the two is unticked. */
export function PickCell({ traceId, picks }: { traceId: string; picks: TracePicks }) {
  const at = picks.picked.indexOf(traceId);
  const full = at < 0 && picks.picked.length >= 2;
  return (
    <td className="h-[30px] w-8 px-2 align-middle" onClick={(e) => e.stopPropagation()}>
      <input
        type="checkbox"
        data-testid="pick-trace"
        checked={at >= 0}
        disabled={full}
        onChange={() => picks.toggle(traceId)}
        aria-label={`Pick trace ${shortId(traceId)} to compare`}
        title={full ? "Two traces are picked: untick one to pick this one" : at === 0 ? "Trace A of the comparison" : at === 1 ? "Trace B of the comparison" : "Pick to compare"}
        className="size-3.5 cursor-pointer accent-[var(--accent)] disabled:cursor-not-allowed"
      />
    </td>
  );
}

/** "Compare" for the two ticked traces; says how many more to tick until then. */
export function CompareButton({ picks }: { picks: TracePicks }) {
  const router = useRouter();
  const [a, b] = picks.picked;
  const ready = picks.picked.length === 2;
  return (
    <span className="inline-flex items-center gap-1">
      <Button
        data-testid="compare-picked"
        disabled={!ready}
        onClick={() => router.push(compareHref(a, b))}
        title={ready ? `Compare ${shortId(a)} (A) with ${shortId(b)} (B)` : "Tick two traces in the table to compare them"}
      >
        Compare{ready ? "" : ` · ${picks.picked.length}/2`}
      </Button>
      {picks.picked.length > 0 && <Button variant="ghost" onClick={picks.clear}>Clear</Button>}
    </span>
  );
}

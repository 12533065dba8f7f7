"use client";

import { useRef } from "react";
import { RelativeTime } from "@/components/ui/time";
import { formatCount, formatInteger } from "@/lib/format/count";
import { useKeyValues } from "./queries";
import { useSeen } from "./use-visible";
import type { AttributeKeyInfo } from "@/lib/contract";

const UNCATALOGUED = new Set(["double"]);
/** A key with only doubles has no values in the catalog, so its catalog count (0) says nothing. */
export const onlyUncatalogued = (k: AttributeKeyInfo) => k.types.every((t) => UNCATALOGUED.has(t));

export function TypeChips({ types }: { types: string[] }) {
  return (
    <span className="inline-flex gap-1">
      {types.map((t) => (
        <span key={t} className="rounded border border-line px-1 font-mono text-[11px] text-muted">{t}</span>
      ))}
    </span>
  );
}

/**
 * One key: what the catalog knows at once (types, spans, first and last seen), and its
 * distinct count and top values once the row scrolls into view.
 */
export function KeyRow({ k, compact, selected, onSelect }: { k: AttributeKeyInfo; compact: boolean; selected: boolean; onSelect: () => void }) {
  const ref = useRef<HTMLTableRowElement>(null);
  const seen = useSeen(ref);
  const values = useKeyValues(k.scope, k.key, 3, seen);
  const onlyDoubles = onlyUncatalogued(k);
  return (
    <tr ref={ref} onClick={onSelect} aria-selected={selected} className={`h-7 cursor-pointer border-b border-line/60 ${selected ? "bg-selected" : "hover:bg-hover"}`} data-testid="attribute-row">
      <td className={`${compact ? "max-w-64" : "max-w-80"} truncate pl-6 pr-2`}>
        <button type="button" data-row-focus onClick={(e) => (e.stopPropagation(), onSelect())} className="max-w-full truncate text-left font-mono" title={`${k.scope}.${k.key}`}>
          {k.key}
        </button>
      </td>
      <td className="px-2 text-muted">{k.scope}</td>
      <td className="px-2"><TypeChips types={k.types} /></td>
      <td className="px-2 text-right font-mono">{formatCount(k.spanCount)}</td>
      <td className="px-2 text-right font-mono text-muted" title={onlyDoubles ? "Doubles are not catalogued: open the key for an estimate" : "Distinct values in the catalog"}>
        {onlyDoubles ? <span className="text-faint">not counted</span> : values.data ? formatInteger(values.data.distinctValues) : ""}
      </td>
      {!compact && (
        <>
          <td className="max-w-56 truncate px-2 font-mono text-xs text-muted">
            {values.data?.values.map((v) => `${v.value} (${formatCount(v.count)})`).join(", ")}
          </td>
          <td className="px-2 text-muted"><RelativeTime unixNano={k.firstSeenUnixNano} /></td>
          <td className="px-2 text-muted"><RelativeTime unixNano={k.lastSeenUnixNano} /></td>
        </>
      )}
    </tr>
  );
}

"use client";

import { Fragment } from "react";
import { onRowArrowKeys } from "@/components/ui/row-keys";
import { groupByNamespace } from "@/lib/chart-data/attributes";
import { KeyRow } from "./key-row";
import type { AttributeKeyInfo } from "@/lib/contract";

interface Props {
  /** The side panel is open: drop the columns it repeats, so the table fits beside it without clipping. */
  compact?: boolean;
  keys: AttributeKeyInfo[];
  selected: string | null;
  onSelect: (id: string) => void;
}

export const keyId = (k: Pick<AttributeKeyInfo, "scope" | "key">) => `${k.scope}:${k.key}`;

/** Every key, grouped by namespace (`business.*`, `customer.*`), busiest first. */
export function KeyTable({ compact = false, keys, selected, onSelect }: Props) {
  const groups = groupByNamespace(keys);
  const th = "h-7 px-2 font-medium text-muted";
  return (
    <table className="w-full border-collapse text-[13px]" data-testid="attribute-table">
      <thead className="sticky top-0 z-10 bg-panel">
        <tr className="border-b border-line text-left">
          <th className={`${th} pl-6`}>Key</th>
          <th className={th}>Scope</th>
          <th className={th}>Types</th>
          <th className={`${th} text-right`}>Spans</th>
          <th className={`${th} text-right`} title="Distinct values the catalog holds">Distinct</th>
          {!compact && (
            <>
              <th className={th}>Top values</th>
              <th className={th}>First seen</th>
              <th className={th}>Last seen</th>
            </>
          )}
        </tr>
      </thead>
      <tbody onKeyDown={onRowArrowKeys}>
        {groups.map((g) => (
          <Fragment key={g.namespace}>
            <tr className="border-b border-line bg-panel/60">
              <th colSpan={compact ? 5 : 8} scope="colgroup" className="h-6 px-2 text-left font-mono text-xs font-medium text-muted">
                {g.namespace === "(top level)" ? g.namespace : `${g.namespace}.*`} <span className="font-sans font-normal text-faint">· {g.keys.length}</span>
              </th>
            </tr>
            {g.keys.map((k) => (
              <KeyRow key={keyId(k)} k={k} compact={compact} selected={selected === keyId(k)} onSelect={() => onSelect(keyId(k))} />
            ))}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

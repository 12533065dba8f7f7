"use client";

import type { BuilderRow } from "@/lib/query-builder/builder";
import type { ValueType } from "@/lib/query-builder/fields";
import type { TracePicks } from "@/components/trace-compare/pick-traces";
import { onRowArrowKeys } from "@/components/ui/row-keys";
import { ResultRow } from "./result-row";
import { SortHeader, TH } from "./sort-header";
import type { SortKey, SortOrder } from "./view";
import type { TraceSearchHit } from "@/lib/contract";

interface Props {
  traces: TraceSearchHit[];
  cols: string[];
  sort: SortKey;
  order: SortOrder;
  hasQuery: boolean;
  onSort: (key: SortKey) => void;
  onFilter: (row: BuilderRow) => void;
  onRemoveColumn: (col: string) => void;
  columnType: (col: string) => ValueType;
  /** Tick boxes to pick two traces to compare; none without. */
  picks?: TracePicks;
}

/** One page of matching traces, compact rows; a row opens its trace, a value filters by itself. */
export function ResultsTable({ traces, cols, sort, order, hasQuery, onSort, onFilter, onRemoveColumn, columnType, picks }: Props) {
  const longest = Math.max(0, ...traces.map((t) => t.durationMs));
  const sortProps = { sort, order, onSort };
  return (
    <table className="w-full border-collapse" data-testid="results-table">
      <thead>
        <tr>
          {picks && <th scope="col" className={`${TH} w-8`}><span className="sr-only">Pick to compare</span></th>}
          <SortHeader label="Start" sortKey="start" className="w-24" {...sortProps} />
          <th scope="col" className={`${TH} w-44`}>Root service</th>
          <th scope="col" className={`${TH} min-w-40`}>Root span</th>
          <SortHeader label="Duration" sortKey="duration" className="w-36 xl:w-44" {...sortProps} />
          <SortHeader label="Spans" sortKey="spans" className="w-14 text-right" {...sortProps} />
          <SortHeader label="Errors" sortKey="errors" className="w-14 text-right" {...sortProps} />
          <th scope="col" className={`${TH} w-36`} title="Spans that matched the query, and the first few by name">Matched</th>
          {cols.map((c) => (
            <th key={c} scope="col" className={`${TH} max-w-44`}>
              <span className="inline-flex items-center gap-1 font-mono">
                {c}
                <button type="button" aria-label={`Remove column ${c}`} onClick={() => onRemoveColumn(c)} className="rounded px-0.5 text-faint hover:bg-hover hover:text-fg">×</button>
              </span>
            </th>
          ))}
          <th scope="col" className={`${TH} w-24`}>Trace ID</th>
        </tr>
      </thead>
      <tbody onKeyDown={onRowArrowKeys}>
        {traces.map((t) => (
          <ResultRow key={t.traceId} trace={t} cols={cols} longest={longest} hasQuery={hasQuery} onFilter={onFilter} columnType={columnType} picks={picks} />
        ))}
      </tbody>
    </table>
  );
}

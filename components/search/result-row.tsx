"use client";

import { DurationBar } from "@/components/ui/duration-bar";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useRouter } from "next/navigation";
import type { BuilderRow } from "@/lib/query-builder/builder";
import type { ValueType } from "@/lib/query-builder/fields";
import { formatCount } from "@/lib/format/count";
import { serviceColor } from "@/lib/format/service-color";
import { CopyId } from "@/components/ui/copy-id";
import { PickCell, type TracePicks } from "@/components/trace-compare/pick-traces";
import { ServiceChip } from "@/components/ui/service-chip";
import { RelativeTime } from "@/components/ui/time";
import { FilterValue, equals } from "./filter-value";
import type { TraceSearchHit } from "@/lib/contract";

const TD = "h-[30px] px-3 align-middle";

interface Props {
  trace: TraceSearchHit;
  cols: string[];
  longest: number;
  hasQuery: boolean;
  onFilter: (row: BuilderRow) => void;
  columnType: (col: string) => ValueType;
  picks?: TracePicks;
}

export function ResultRow({ trace: t, cols, longest, hasQuery, onFilter, columnType, picks }: Props) {
  const router = useRouter();
  const href = `/traces/${t.traceId}`;
  return (
    <tr data-testid="result-row" onClick={() => router.push(href)} className="cursor-pointer border-b border-line hover:bg-hover">
      {picks && <PickCell traceId={t.traceId} picks={picks} />}
      <td className={`${TD} text-xs text-muted`}>
        <RelativeTime unixNano={t.startTimeUnixNano} />
      </td>
      <td className={`${TD} max-w-44`}>
        <FilterValue row={equals("trace:rootService", t.rootService)} onFilter={onFilter}>
          <ServiceChip name={t.rootService} />
        </FilterValue>
      </td>
      <td className={`${TD} max-w-0 truncate`}>
        <Link href={href} data-row-focus className="font-medium hover:underline" onClick={(e) => e.stopPropagation()}>
          {t.rootName || "(unnamed span)"}
        </Link>
      </td>
      <td className={TD}>
        <DurationBar ms={t.durationMs} longest={longest} color={serviceColor(t.rootService)} />
      </td>
      <td className={`${TD} text-right font-mono text-xs tabular-nums`}>{formatCount(t.spanCount)}</td>
      <td className={`${TD} text-right font-mono text-xs tabular-nums`} data-testid="error-count">
        {t.errorCount > 0 ? (
          <FilterValue row={equals("status", "error", "status")} onFilter={onFilter} className="font-semibold text-error">
            {formatCount(t.errorCount)}
          </FilterValue>
        ) : (
          <span className="text-faint">0</span>
        )}
      </td>
      <td className={`${TD} max-w-36 text-xs`} data-testid="matched">
        {hasQuery ? (
          <span className="flex min-w-0 items-center gap-1.5" title={t.matched.map((m) => m.name).join(", ")}>
            <span className="shrink-0 font-mono tabular-nums">{formatCount(t.matchedSpans)}</span>
            {t.matched[0] && (
              <FilterValue row={equals("name", t.matched[0].name)} onFilter={onFilter} className="min-w-0 font-mono text-muted">
                {t.matched[0].name}
              </FilterValue>
            )}
            {t.matchedSpans > 1 && <span className="shrink-0 text-faint">+{formatCount(t.matchedSpans - 1)}</span>}
          </span>
        ) : (
          <span className="text-faint" title="No query: every span matches">all</span>
        )}
      </td>
      {cols.map((c) => {
        const v = t.columns[c];
        return (
          <td key={c} className={`${TD} max-w-44 font-mono text-xs`}>
            {v == null ? (
              <span className="text-faint">—</span>
            ) : (
              <FilterValue row={equals(c, v, columnType(c))} onFilter={onFilter}>{v}</FilterValue>
            )}
          </td>
        );
      })}
      <td className={TD}>
        <CopyId id={t.traceId} className="-ml-1" />
      </td>
    </tr>
  );
}

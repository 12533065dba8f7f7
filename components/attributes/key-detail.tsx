"use client";

import { IntentLink as Link } from "@/components/ui/intent-link";
import { CopyButton } from "@/components/ui/copy-button";
import { RelativeTime } from "@/components/ui/time";
import { useCurrency } from "@/components/charts/queries";
import { attrLabel, chartParams, valueQuery, type Scope } from "@/lib/chart-data/attributes";
import { formatValue, parseMeasureText } from "@/lib/chart-data/measure";
import type { ChartRange } from "@/lib/chart-data/range";
import { formatCount, formatInteger } from "@/lib/format/count";
import { KeyChart } from "./key-chart";
import { onlyUncatalogued, TypeChips } from "./key-row";
import { useKeyStats, useKeyValues } from "./queries";
import type { AttributeKeyInfo } from "@/lib/contract";

const Fact = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="flex justify-between gap-3 py-0.5">
    <dt className="text-muted">{label}</dt>
    <dd className="text-right font-mono">{children}</dd>
  </div>
);

/** One key in full: facts, a numeric summary, a chart, and its values (each a trace search). */
export function KeyDetail({ k, range, onClose }: { k: AttributeKeyInfo; range: ChartRange; onClose: () => void }) {
  const scope = k.scope as Scope;
  const label = attrLabel(scope, k.key);
  const values = useKeyValues(k.scope, k.key, 20);
  const stats = useKeyStats(k.scope, k.key);
  const currency = useCurrency(parseMeasureText(`sum(${label})`));
  const money = (v: number) => formatValue(v, currency ? "money" : "number", currency);
  const num = stats.data?.numeric;
  const top = values.data?.values ?? [];
  const max = Math.max(1, ...top.map((v) => v.count));
  return (
    <aside aria-label={`Attribute ${label}`} className="flex w-[440px] shrink-0 flex-col gap-4 overflow-y-auto border-l border-line p-4" data-testid="attribute-detail">
      <header className="flex items-start justify-between gap-2">
        <h2 className="font-mono text-sm font-semibold break-all">{label}</h2>
        <div className="flex shrink-0 gap-1">
          <CopyButton text={label} />
          <button type="button" onClick={onClose} aria-label="Close (Esc)" className="h-6 rounded px-1.5 text-muted hover:bg-hover hover:text-fg">✕</button>
        </div>
      </header>
      <dl className="text-[13px]">
        <Fact label="Types"><TypeChips types={k.types} /></Fact>
        <Fact label="Spans with it">{formatInteger(k.spanCount)}</Fact>
        <Fact label="Distinct values (catalog)">
          {onlyUncatalogued(k) ? <span className="text-faint" data-testid="catalog-not-counted">not counted</span>
            : values.data ? formatInteger(values.data.distinctValues) : values.isError ? "—" : "loading…"}
        </Fact>
        {(k.scope === "span" || k.scope === "resource") && (
          <Fact label="Distinct values (HyperLogLog)">{stats.data ? `≈ ${formatInteger(stats.data.distinctApprox)}` : stats.isError ? "—" : "measuring…"}</Fact>
        )}
        <Fact label="First seen"><RelativeTime unixNano={k.firstSeenUnixNano} /></Fact>
        <Fact label="Last seen"><RelativeTime unixNano={k.lastSeenUnixNano} /></Fact>
        {num && (
          <>
            <Fact label="min · avg · max">{money(num.min)} · {money(num.avg)} · {money(num.max)}</Fact>
            <Fact label="p50 · p95 (exact)">{money(num.p50)} · {money(num.p95)}</Fact>
            <Fact label="sum">{money(num.sum)}</Fact>
          </>
        )}
      </dl>
      <KeyChart params={chartParams(scope, k.key, k.types, range)} range={range} />
      <section aria-label="Top values" className="flex flex-col gap-1">
        <h3 className="text-xs font-semibold text-muted uppercase">Top values</h3>
        {values.data && top.length === 0 && (
          <p className="text-muted">
            No values catalogued: doubles and strings over 200 characters are not kept. {num ? "The summary above is measured on the spans." : ""}
          </p>
        )}
        <ul className="flex flex-col">
          {top.map((v) => (
            <li key={`${v.type}:${v.value}`} className="relative flex h-7 items-center justify-between gap-2 px-1.5">
              <span aria-hidden className="absolute inset-y-1 left-0 rounded-sm bg-selected" style={{ width: `${(v.count / max) * 100}%` }} />
              <Link
                href={`/traces?q=${encodeURIComponent(valueQuery(scope, k.key, v.value, v.type))}`}
                className="relative min-w-0 truncate font-mono hover:underline"
                title={`Search traces where ${label} = ${v.value}`}
                data-testid="attribute-value"
              >
                {v.type === "string" ? `"${v.value}"` : v.value}
              </Link>
              <span className="relative font-mono text-muted">{formatCount(v.count)}</span>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}

"use client";

import { AddToBoard } from "@/components/boards/add-to-board";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useRouter } from "next/navigation";
import { useQueryStates } from "nuqs";
import { AttrInput } from "@/components/charts/attr-input";
import { QueryErrorNote } from "@/components/charts/chart-states";
import { QueryProgress } from "@/components/charts/progress";
import { chartLinkTime, RangePicker } from "@/components/charts/range-picker";
import { CopyLinkMenu } from "@/components/share/copy-link-menu";
import { SampledNote } from "@/components/charts/sampled-note";
import { SeriesLegend } from "@/components/charts/series-legend";
import { ViewTabs } from "@/components/charts/view-tabs";
import { TopBar } from "@/components/nav/top-bar";
import { TierCharts } from "@/components/tiers/tier-charts";
import { useTierData } from "@/components/tiers/tier-data";
import { TierInsights } from "@/components/tiers/tier-insights";
import { TierScorecard } from "@/components/tiers/tier-scorecard";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { tracesHref } from "@/lib/chart-data/drill";
import { formatValue } from "@/lib/chart-data/measure";
import { describeRange, isPinned, rangeFromUrl, type ChartRange } from "@/lib/chart-data/range";
import { visibleKeys } from "@/lib/chart-data/series";
import { tierFilter, tierInsights } from "@/lib/chart-data/tiers";
import { formatCount, formatPercent } from "@/lib/format/count";
import { formatDuration } from "@/lib/format/duration";
import { tierParsers } from "./search-params";

export function TiersClient() {
  const router = useRouter();
  const [url, setUrl] = useQueryStates(tierParsers, { history: "push" });
  const range = rangeFromUrl(url);
  const data = useTierData(url.attr, range);
  const filter = tierFilter(data.label);
  const requests = data.charts.requests;
  const shown = visibleKeys(requests?.series ?? [], url.show);
  const money = (v: number) => formatValue(v, data.currency ? "money" : "number", data.currency);
  const insights = data.ready ? tierInsights(data.totals, { duration: formatDuration, money, percent: formatPercent }) : [];
  const setRange = (r: ChartRange) => setUrl(isPinned(r) ? { start: r.start, end: r.end, since: null } : { since: r.since, start: null, end: null });
  const tierHref = (tier: string, extra: string[] = []) => {
    const s = requests?.series.find((x) => x.key === tier);
    return tracesHref({ filter, series: s, extra, range });
  };

  return (
    <>
      <TopBar title="Customer tiers" subtitle={<span>Requests, errors, latency and revenue per <span className="font-mono">{data.label}</span></span>}>
        <QueryProgress busy={data.fetching} />
        <label className="flex items-center gap-1.5 text-muted">
          Tier attribute
          <AttrInput value={url.attr} onCommit={(attr) => setUrl({ attr: attr || null, show: null })} label="Tier attribute" className="w-44" testId="tier-attr" />
        </label>
        <RangePicker range={range} onChange={setRange} />
        <CopyLinkMenu time={chartLinkTime(range)} />
        <AddToBoard range={range} draft={() => ({ kind: "tiers", title: `Customer tiers by ${data.label}`, query: { attr: url.attr }, size: { w: 12, h: 6 } })} />
      </TopBar>
      <div className="flex flex-col gap-4 p-4">
        {data.error && <QueryErrorNote title="The tier view could not be drawn" message={data.error.message} hint="Check the tier attribute: it must be an attribute like customer.tier." />}
        {!requests ? (
          !data.error && <SkeletonRows rows={4} columns={6} />
        ) : requests.series.length === 0 ? (
          <EmptyState title={`No requests carry ${data.label} in the ${describeRange(range)}`}>
            Requests are root spans with the attribute set. Widen the time range, or pick the attribute your services use for the plan a customer is on
            (the <Link href="/attributes?q=tier" className="text-accent hover:underline">attribute explorer</Link> lists candidates).
          </EmptyState>
        ) : (
          <>
            <TierInsights insights={insights} colours={data.colours} />
            <p className="text-muted" data-testid="tier-summary">
              <span className="font-mono text-fg">{formatCount(data.totals.reduce((n, t) => n + t.requests, 0))}</span> requests across {data.tiers.length} tiers · {describeRange(range)} · requests are root spans carrying{" "}
              <span className="font-mono">{data.label}</span>
              {data.minSampleRate < 1 && <> · <SampledNote minSampleRate={data.minSampleRate} about="tiers" /></>}
            </p>
            <TierScorecard totals={data.totals} colours={data.colours} currency={data.currency} href={tierHref} sampled={data.minSampleRate < 1} />
            <div className="flex items-end justify-between gap-2">
              <SeriesLegend series={requests.series} shown={shown} selected={url.show} onSelect={(show) => setUrl({ show: show.length ? show : null }, { history: "replace" })} format={(v) => `${formatCount(v ?? 0)} req`} />
              <ViewTabs value={url.view} labels={{ charts: "Charts", tables: "Tables" }} onChange={(view) => setUrl({ view })} />
            </div>
            <TierCharts
              charts={data.charts}
              shown={shown}
              currency={data.currency}
              asTable={url.view === "tables"}
              href={(s, all, t, stepMs) => tracesHref({ filter, series: s, allSeries: all, bucket: t === null ? undefined : { t, stepMs }, range })}
              onDrill={(href) => router.push(href)}
            />
          </>
        )}
      </div>
    </>
  );
}

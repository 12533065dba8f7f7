// The trace-compare case of `bench:ui`: two synthetic 100,000-span traces opened side by side
// in Chromium. Measures when the first aligned rows appear, and every main-thread task over
// 50 ms from navigation to the end of a scroll through the aligned tree. Rows are detected from
// the DOM (a MutationObserver), not from a mark of the page, so the same bench reads any version.
import type { BrowserContext } from "@playwright/test";
import { median } from "./machine";
import { scrollToBottom } from "./scroll";

export const COMPARE_SPANS = 100_000;

interface LongTask { start: number; dur: number }

interface CompareRun {
  rowsMs: number;
  /** Aligned paths: the tree's row count with nothing folded. */
  paths: number;
  /** Tasks over 50 ms from navigation to the first rows, and from then to the end of the scroll. */
  loadTasks: LongTask[];
  afterTasks: LongTask[];
  scrollSteps: number;
  phases: Record<string, number>;
}

async function openAndScroll(context: BrowserContext, url: string): Promise<CompareRun> {
  const page = await context.newPage();
  await page.addInitScript("window.__name = (f) => f");
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: LongTask[]; __rowsAt?: number };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, dur: e.duration });
    }).observe({ type: "longtask", buffered: true });
    // The callback runs in the task that committed the rows, before it paints.
    const seen = new MutationObserver(() => {
      if (w.__rowsAt === undefined && document.querySelector("[data-testid=compare-row]")) {
        w.__rowsAt = performance.now();
        seen.disconnect();
      }
    });
    document.addEventListener("DOMContentLoaded", () => seen.observe(document.body, { childList: true, subtree: true }));
  });
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => (window as unknown as { __rowsAt?: number }).__rowsAt !== undefined, null, { timeout: 300_000, polling: 50 });
  const rowsMs = await page.evaluate(() => (window as unknown as { __rowsAt: number }).__rowsAt);
  const { steps } = await page.evaluate(scrollToBottom, "[data-testid=compare-tree]");
  const paths = await page.evaluate(() => Math.round(document.querySelector<HTMLElement>("[data-testid=compare-tree]")!.scrollHeight / 28));
  const phases = await page.evaluate(() => {
    const out: Record<string, number> = {};
    const data = performance.getEntriesByType("resource").filter((e) => new URL(e.name).pathname.endsWith("/waterfall")) as PerformanceResourceTiming[];
    if (data.length) out["data received"] = Math.max(...data.map((d) => d.responseEnd));
    for (const m of performance.getEntriesByType("measure")) if (m.name.startsWith("compare:")) out[m.name] = m.duration;
    return out;
  });
  const all = await page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks);
  await page.close();
  return {
    rowsMs, paths, scrollSteps: steps, phases,
    loadTasks: all.filter((t) => t.start + t.dur <= rowsMs),
    afterTasks: all.filter((t) => t.start + t.dur > rowsMs).map((t) => ({ start: t.start - rowsMs, dur: t.dur })),
  };
}

function listTasks(ts: LongTask[], sign: string): string {
  if (!ts.length) return "none";
  const shown = [...ts].sort((a, b) => b.dur - a.dur).slice(0, 6).map((t) => `${t.dur.toFixed(0)} ms at ${sign}${t.start.toFixed(0)} ms`);
  const total = ts.reduce((n, t) => n + t.dur, 0);
  return `${ts.length} (${total.toFixed(0)} ms in all): ${shown.join(", ")}${ts.length > shown.length ? ", …" : ""}`;
}

/**
 * Ingests the two traces, opens their comparison `runs` times (after one warm-up) and returns
 * the BENCHMARKS.md text of the case.
 */
export async function benchCompare(
  context: BrowserContext, baseUrl: string, ingest: (spans: number, seed: number) => Promise<string>, runs: number,
): Promise<string> {
  console.log(`ingesting two ${COMPARE_SPANS.toLocaleString()}-span traces to compare…`);
  const a = await ingest(COMPARE_SPANS, 7_001);
  const b = await ingest(COMPARE_SPANS, 7_002);
  const url = `${baseUrl}/traces/compare?project=default&a=${a}&b=${b}`;
  await openAndScroll(context, url); // warm-up: the route's chunks and the server's first reads
  const results: CompareRun[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await openAndScroll(context, url);
    console.log(`compare run ${i + 1}: rows at ${r.rowsMs.toFixed(0)} ms; load ${listTasks(r.loadTasks, "")}; after ${listTasks(r.afterTasks, "+")}`);
    results.push(r);
  }
  const worst = (f: (r: CompareRun) => LongTask[]) => Math.max(0, ...results.flatMap((r) => f(r).map((t) => t.dur)));
  const phaseKeys = [...new Set(results.flatMap((r) => Object.keys(r.phases)))];
  return `Two synthetic ${COMPARE_SPANS.toLocaleString("en-US")}-span traces (the waterfall's generator, seeds 7001 and 7002: ${results[0].paths.toLocaleString("en-US")} aligned paths), their comparison opened ${runs} times in a fresh page after a warm-up, then the aligned tree scrolled to the bottom (five screens per step, two frames per step, ${results[0].scrollSteps} steps).

| first aligned rows after navigation, ms (median) | longest main-thread task from navigation to the rows, ms (worst run) | longest from the rows to the end of the scroll, ms (worst run) |
|---|---|---|
| ${median(results.map((r) => r.rowsMs)).toFixed(0)} | ${worst((r) => r.loadTasks).toFixed(0)} | ${worst((r) => r.afterTasks).toFixed(0)} |

${phaseKeys.map((k) => `- ${k === "data received" ? "both traces received (from navigation)" : k}: ${median(results.map((r) => r.phases[k] ?? NaN)).toFixed(0)} ms (median)`).join("\n")}

Main-thread tasks over 50 ms per run (count, total, the longest with when each started: before the rows from navigation, after them relative to the rows):
${results.map((r, i) => `- run ${i + 1}: before the rows ${listTasks(r.loadTasks, "")}; after them ${listTasks(r.afterTasks, "+")}`).join("\n")}

The rows' time is when a MutationObserver first sees an aligned row in the DOM (in the task that commits it, before it paints). Tasks before the rows include loading and hydrating the page's scripts, which do not depend on the traces.`;
}

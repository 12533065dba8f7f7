// `npm run bench:ui`: opens synthetic traces of 1k, 10k and 100k spans in Chromium against
// the production server and measures the waterfall: time from navigation to the first rows
// painted, every main-thread task over 50 ms from then to the end of a scroll to the bottom
// (started at once: a person scrolls as soon as rows appear), each load step, and the JS heap.
// Then the trace-compare case (ui-compare.ts) on two 100k-span traces.
// Needs a production build (`npm run build`). Usage: node --import tsx scripts/bench/ui.ts [--runs 3] [--only waterfall|compare]
import fs from "node:fs";
import os from "node:os";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { ADMIN_ENV, startServer, TEST_ADMIN, type TestServer } from "../../tests/server";
import { writeBenchSection } from "./benchmarks-file";
import { machineLine, median } from "./machine";
import { benchCompare } from "./ui-compare";
import { scrollToBottom } from "./scroll";
import { syntheticOtlpTrace } from "./ui-traces";

const SIZES = [1_000, 10_000, 100_000];
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const onlyArg = process.argv.indexOf("--only");
const ONLY = onlyArg > 0 ? process.argv[onlyArg + 1] : null;
if (ONLY !== null && ONLY !== "waterfall" && ONLY !== "compare") throw new Error(`--only takes waterfall or compare, not ${ONLY}`);

async function ingest(server: TestServer, spans: number, seed = spans): Promise<string> {
  const { traceId, batches } = syntheticOtlpTrace(spans, seed);
  for (const resourceSpans of batches) {
    const body = JSON.stringify({ resourceSpans });
    // Retried like an OTLP exporter: a busy server answers 429/503, or cuts the upload short.
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(`${server.url}/v1/traces`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${server.apiKey}` },
        body,
      }).catch((err: Error) => err);
      if (res instanceof Response && res.ok) break;
      const why = res instanceof Response ? `${res.status}: ${await res.text()}` : res.message;
      if (attempt === 5 || (res instanceof Response && res.status !== 429 && res.status !== 503)) throw new Error(`ingest failed: ${why}`);
      const wait = res instanceof Response ? Number(res.headers.get("retry-after") ?? 1) : 1;
      console.log(`ingest: ${why}; retrying in ${wait} s`);
      await new Promise((r) => setTimeout(r, wait * 1000));
    }
  }
  return traceId;
}

/** The compact payload the page downloads: its size and the server's time to answer. */
async function payload(server: TestServer, traceId: string) {
  const t0 = performance.now();
  const res = await fetch(`${server.url}/api/v1/traces/${traceId}/waterfall`, { headers: { authorization: `Bearer ${server.apiKey}` } });
  const bytes = (await res.arrayBuffer()).byteLength;
  return { mb: bytes / 2 ** 20, ms: performance.now() - t0 };
}

interface LongTask { start: number; dur: number }
interface Run {
  readyMs: number; longestTaskMs: number; longTasks: number; heapMb: number; reachedEnd: boolean; scrollSteps: number;
  phases: Record<string, number>;
  /** Tasks over 50 ms from first paint to the end of the scroll, start relative to first paint. */
  tasks: LongTask[];
  /** The same before first paint (from navigation), for where the load's main-thread time goes. */
  loadTasks: LongTask[];
}

/**
 * Where the load time went: the columns' request (times from navigation), and the page's own
 * `waterfall:*` measures (durations; a step in the worker is measured there and copied over).
 */
const PHASES: [key: string, label: string][] = [
  ["html", "html received (from navigation)"],
  ["data requested", "data requested (from navigation)"],
  ["data first byte", "data first byte (from navigation)"],
  ["data received", "data received (from navigation)"],
  ["fetch", "fetch (request to last byte)"],
  ["waterfall:decode", "decode, in the worker as the chunks arrive (sum)"],
  ["waterfall:parse", "parse"],
  ["waterfall:tree", "tree"],
  ["waterfall:critical-path", "critical path"],
  ["waterfall:self-time", "self time"],
  ["waterfall:stats", "statistics"],
  ["waterfall:receive-base", "rows' part received on the main thread"],
  ["rows-received", "rows' part ready on the main thread (from navigation)"],
  ["ready", "first rows painted (from navigation; Element Timing)"],
  ["ready mark", "the page's waterfall-ready mark, a task after that frame (from navigation)"],
  ["waterfall:analysis-shown", "critical path and statistics shown (from navigation)"],
];

/** The longest tasks first, at most eight, each with when it started. */
function listTasks(ts: LongTask[], sign: string): string {
  if (!ts.length) return "none";
  const shown = [...ts].sort((a, b) => b.dur - a.dur).slice(0, 8).map((t) => `${t.dur.toFixed(0)} ms at ${t.start >= 0 ? sign : ""}${t.start.toFixed(0)} ms`);
  const total = ts.reduce((n, t) => n + t.dur, 0);
  return `${ts.length} (${total.toFixed(0)} ms in all): ${shown.join(", ")}${ts.length > shown.length ? ", …" : ""}`;
}

/** A browser context signed in as the bench's admin: pages need a session. */
async function signedIn(browser: Browser, server: TestServer): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
  const res = await context.request.post(`${server.url}/api/auth/sign-in/email`, { data: TEST_ADMIN, headers: { origin: server.url } });
  if (!res.ok()) throw new Error(`sign-in answered ${res.status()}: ${await res.text()}`);
  return context;
}

async function openAndScroll(context: BrowserContext, url: string): Promise<Run> {
  const page = await context.newPage();
  // tsx compiles the callbacks below with esbuild's keepNames, which calls a `__name` helper the page lacks.
  await page.addInitScript("window.__name = (f) => f");
  // Buffered from navigation: every long task of the page is kept, whenever it ran.
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; dur: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, dur: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  // When the first row's name is really painted (Element Timing): the page's own mark waits
  // for a task after the frame, which queued work (the minimap, the analysis) can delay.
  await page.addInitScript(() => {
    const w = window as unknown as { __rowsPainted: number | null };
    w.__rowsPainted = null;
    // Tags rows until the first is painted, then stops: the scroll must not pay for it.
    const tagger = new MutationObserver(() => {
      for (const el of document.querySelectorAll("[data-testid=span-row] button:not([data-action]):not([elementtiming])")) el.setAttribute("elementtiming", "waterfall-row");
    });
    tagger.observe(document, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { renderTime: number; identifier: string })[]) {
        if (e.identifier !== "waterfall-row") continue;
        tagger.disconnect();
        if (w.__rowsPainted === null || e.renderTime < w.__rowsPainted) w.__rowsPainted = e.renderTime;
      }
    }).observe({ type: "element", buffered: true });
  });
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => performance.getEntriesByName("waterfall-ready").length > 0, null, { timeout: 120_000, polling: 50 });
  const markMs = await page.evaluate(() => performance.getEntriesByName("waterfall-ready")[0].startTime);
  const paintedMs = await page.evaluate(() => (window as unknown as { __rowsPainted: number | null }).__rowsPainted);
  const readyMs = paintedMs ?? markMs;
  const phases = await page.evaluate(() => {
    const out: Record<string, number> = {};
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    out.html = nav.responseEnd;
    const data = performance.getEntriesByType("resource").find((e) => new URL(e.name).pathname.endsWith("/waterfall")) as PerformanceResourceTiming | undefined;
    if (data) Object.assign(out, { "data requested": data.startTime, "data first byte": data.responseStart, "data received": data.responseEnd, fetch: data.responseEnd - data.startTime });
    for (const m of performance.getEntriesByType("measure")) if (m.name.startsWith("waterfall:")) out[m.name] = m.duration;
    const received = performance.getEntriesByName("waterfall:rows-received")[0];
    if (received) out["rows-received"] = received.startTime;
    return out;
  });
  phases.ready = readyMs;
  phases["ready mark"] = markMs;
  // No settling pause: the scroll starts at once, and every task from first paint on counts.
  const scroll = await page.evaluate(scrollToBottom, "[data-testid=waterfall-rows]");
  const lastShown = await page.evaluate(() => Math.max(...[...document.querySelectorAll<HTMLElement>("[data-testid=waterfall-rows] [data-pos]")].map((r) => Number(r.dataset.pos))));
  // The analysis (critical path, statistics) may land after first paint: wait for it, so its
  // measure is read, then take the long tasks: from navigation to first paint, and after.
  await page.waitForFunction(() => performance.getEntriesByName("waterfall:analysis-shown").length > 0 || !document.querySelector("[data-analysis=pending]"), null, { timeout: 120_000, polling: 50 });
  const analysisShown = await page.evaluate(() => performance.getEntriesByName("waterfall:analysis-shown")[0]?.startTime);
  if (analysisShown !== undefined) phases["waterfall:analysis-shown"] = analysisShown;
  const all = await page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks);
  // A task that started before the mark but ran past it still blocked input after first paint.
  const tasks = all.filter((t) => t.start + t.dur > readyMs).map((t) => ({ start: t.start - readyMs, dur: t.dur }));
  const loadTasks = all.filter((t) => t.start + t.dur <= readyMs);
  const size = await page.evaluate(() => Number(document.querySelector("[data-testid=trace-span-count] span")?.getAttribute("title")?.replace(/,/g, "")));
  const heapMb = await page.evaluate(() => {
    (window as unknown as { gc?: () => void }).gc?.();
    return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 2 ** 20;
  });
  await page.close();
  return {
    readyMs, phases, heapMb, scrollSteps: scroll.steps, reachedEnd: lastShown === size - 1, tasks, loadTasks,
    longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.dur), 0), longTasks: tasks.length,
  };
}

const loadLine = () => os.loadavg().map((l) => l.toFixed(2)).join(", ");

async function main() {
  const loadBefore = loadLine();
  if (ONLY === "compare") return mainCompare(loadBefore);
  const server = await startServer({ env: ADMIN_ENV });
  const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const browser = await chromium.launch({ executablePath, args: ["--enable-precise-memory-info", "--js-flags=--expose-gc", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });
  const version = browser.version();
  const rows: string[] = [];
  let breakdown = "";
  let taskLines = "";
  try {
    const traces: [number, string][] = [];
    for (const n of SIZES) {
      console.log(`ingesting a ${n.toLocaleString()}-span trace…`);
      traces.push([n, await ingest(server, n)]);
    }
    const context = await signedIn(browser, server);
    await openAndScroll(context, `${server.url}/traces/${traces[0][1]}?project=default`); // warm-up: first loads of the route and chunks
    for (const [n, traceId] of traces) {
      const p = await payload(server, traceId);
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await openAndScroll(context, `${server.url}/traces/${traceId}?project=default`));
      const longest = Math.max(...runs.map((r) => r.longestTaskMs));
      const line = `| ${n.toLocaleString("en-US")} | ${p.mb.toFixed(1)} MB, ${p.ms.toFixed(0)} ms | ${median(runs.map((r) => r.readyMs)).toFixed(0)} | ${Math.max(...runs.map((r) => r.longTasks))} | ${longest ? longest.toFixed(0) : "none over 50"} | ${median(runs.map((r) => r.heapMb)).toFixed(0)} | ${runs.every((r) => r.reachedEnd) ? "yes" : "NO"} (${runs[0].scrollSteps} steps) |`;
      console.log(line);
      rows.push(line);
      if (n === SIZES[SIZES.length - 1]) {
        breakdown = PHASES.filter(([k]) => runs.some((r) => r.phases[k] !== undefined))
          .map(([k, label]) => `| ${label} | ${median(runs.map((r) => r.phases[k] ?? NaN)).toFixed(0)} |`).join("\n");
        taskLines = runs.map((r, i) => `- run ${i + 1}: after first paint ${listTasks(r.tasks, "+")}; before it (from navigation) ${listTasks(r.loadTasks, "")}`).join("\n");
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const body = `Machine: ${machineLine()}. Date: ${new Date().toISOString().slice(0, 10)}. Chromium ${version}, headless, 1500x950. Load average (1, 5, 15 min) ${loadBefore} at the start, ${loadLine()} at the end (the machine is shared).
Synthetic traces (nested 6-11 deep, ~2% errors with exception events, ~5% with log events) ingested as OTLP/JSON, then each opened ${RUNS} times in a fresh page of the production build.

| spans | compact payload (size, server time) | first rows painted after navigation, ms (median) | main-thread tasks over 50 ms from first paint to the end of the scroll (worst run) | longest of them, ms (worst run) | JS heap after load, MB (median, after GC) | scrolled to the last span |
|---|---|---|---|---|---|---|
${rows.join("\n")}

Where the ${SIZES[SIZES.length - 1].toLocaleString("en-US")}-span load goes (median, ms; rows marked "from navigation" are times, the others durations):

| step | ms |
|---|---|
${breakdown}

Main-thread tasks over 50 ms on the ${SIZES[SIZES.length - 1].toLocaleString("en-US")}-span trace (count, total, then the longest with when each started: after first paint relative to it, before it from navigation):
${taskLines}

First paint is when the first row's name is painted, from navigation start, by Element Timing (the bench tags the rows' names as they are inserted); the page's own \`waterfall-ready\` mark (a task after that frame) is shown beside it. Long tasks come from a \`longtask\` PerformanceObserver buffered from navigation; every one that ends after first paint counts, up to the end of the scroll, which starts as soon as the first rows are painted. Scrolling moves five screens per step, two frames per step, so every row is replaced each frame: harder than a user's fling.`;
  writeBenchSection("Waterfall UI (bench:ui)", body);
  console.log(body);
  if (ONLY !== "waterfall") await mainCompare(loadLine());
}

async function mainCompare(loadBefore: string) {
  const server = await startServer({ env: ADMIN_ENV });
  const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const browser = await chromium.launch({ executablePath, args: ["--disable-gpu", "--no-first-run", "--disable-background-networking"] });
  const version = browser.version();
  let text: string;
  try {
    const context = await signedIn(browser, server);
    text = await benchCompare(context, server.url, (spans, seed) => ingest(server, spans, seed), RUNS);
  } finally {
    await browser.close();
    await server.stop();
  }
  const body = `Machine: ${machineLine()}. Date: ${new Date().toISOString().slice(0, 10)}. Chromium ${version}, headless, 1500x950. Load average (1, 5, 15 min) ${loadBefore} at the start, ${loadLine()} at the end (the machine is shared).\n\n${text}`;
  writeBenchSection("Trace compare UI (bench:ui)", body);
  console.log(body);
}

await main();

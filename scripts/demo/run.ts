/**
 * Sends demo data to a running Spanlens.
 *   node --import tsx scripts/demo/run.ts --url http://localhost:3000 --key KEY [--traces N]
 *     [--big 5000,50000] [--noveum 40] [--seed 42]
 */
import { parseArgs } from "node:util";
import { ensureDemoBoard } from "./board";
import { sendDemoData } from "./generate";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    key: { type: "string" },
    traces: { type: "string" },
    big: { type: "string" },
    noveum: { type: "string" },
    seed: { type: "string" },
  },
});

function count(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

if (!values.key) {
  console.error("usage: run.ts --url http://localhost:3000 --key KEY [--traces N] [--big 5000,50000] [--noveum 40] [--seed 42]");
  process.exit(2);
}

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
try {
  const result = await sendDemoData({
    baseUrl: values.url!,
    apiKey: values.key,
    traces: count("traces", values.traces),
    bigTraceSpans: values.big === undefined ? undefined : values.big.split(",").filter(Boolean).map((v) => count("big", v)!),
    noveumTraces: count("noveum", values.noveum),
    seed: count("seed", values.seed),
    onProgress: (msg) => console.log(`[demo ${elapsed()}] ${msg}`),
  });
  console.log(`[demo ${elapsed()}] done: ${result.traces} traces, ${result.spans} spans sent to ${values.url}`);
  // The admin's credentials come from demo.mjs's environment only on the run that made them.
  const email = process.env.SPANLENS_ADMIN_EMAIL;
  const password = process.env.SPANLENS_ADMIN_PASSWORD;
  if (email && password) console.log(`[demo ${elapsed()}] the "Business overview" board: ${await ensureDemoBoard(values.url!, { email, password })}`);
} catch (err) {
  console.error(`[demo ${elapsed()}] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

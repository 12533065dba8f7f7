import { listProjects } from "@/lib/db/projects";
import { processSingleton } from "@/lib/process-singleton";
import { getSpanStore } from "@/lib/spans";
import { maxDiskBytes } from "./disk-budget";
import { retentionCutoffNs } from "./gate";
import { effectiveRetentionSeconds } from "./period";

/** How often expired spans are purged: SPANLENS_PURGE_INTERVAL (seconds), default 10 minutes. */
export function purgeIntervalMs(): number {
  const raw = process.env.SPANLENS_PURGE_INTERVAL;
  const seconds = raw ? Number(raw) : 600;
  if (!Number.isFinite(seconds) || seconds < 1) {
    throw new Error(`Invalid environment: SPANLENS_PURGE_INTERVAL: expected seconds (at least 1), got "${raw}"`);
  }
  return seconds * 1000;
}

/** The first purge waits a little after start, so start-up (and the demo's load) comes first. */
const FIRST_RUN_DELAY_MS = 30_000;

export interface PurgeRun {
  at: string;
  ms: number;
  /** Spans purged per project slug, for the log and Settings. */
  byProject: Record<string, number>;
  /** Spans purged to stay under SPANLENS_MAX_DISK. */
  forDisk: number;
  error?: string;
}

const state = processSingleton("retentionScheduler", () => ({
  timer: null as NodeJS.Timeout | null,
  nextRunAt: null as Date | null,
  running: null as Promise<PurgeRun> | null,
  last: null as PurgeRun | null,
}));

/** Purges every project past its retention, then the oldest spans past the disk budget. */
export function runPurgesNow(): Promise<PurgeRun> {
  state.running ??= (async () => {
    const t0 = Date.now();
    const run: PurgeRun = { at: new Date(t0).toISOString(), ms: 0, byProject: {}, forDisk: 0 };
    try {
      const store = await getSpanStore();
      for (const project of await listProjects()) {
        const cutoff = retentionCutoffNs(effectiveRetentionSeconds(project.retention));
        if (cutoff !== null) run.byProject[project.name] = (await store.purgeBefore(project.id, cutoff)).spans;
      }
      const budget = maxDiskBytes();
      if (budget !== null) run.forDisk = (await store.purgeToSize(budget)).spans;
    } catch (err) {
      run.error = err instanceof Error ? err.message : String(err);
      console.error("[spanlens] retention purge failed", err);
    }
    run.ms = Date.now() - t0;
    const purged = Object.values(run.byProject).reduce((a, b) => a + b, 0) + run.forDisk;
    if (purged) console.log(`[spanlens] purged ${purged} expired spans in ${run.ms} ms`);
    state.last = run;
    return run;
  })().finally(() => (state.running = null));
  return state.running;
}

function schedule(delayMs: number) {
  state.nextRunAt = new Date(Date.now() + delayMs);
  state.timer = setTimeout(() => {
    void runPurgesNow().finally(() => schedule(purgeIntervalMs()));
  }, delayMs);
  state.timer.unref();
}

export function startRetentionScheduler() {
  if (state.timer) return;
  schedule(Math.min(FIRST_RUN_DELAY_MS, purgeIntervalMs()));
}

export function retentionSchedule() {
  return { nextRunAt: state.nextRunAt?.toISOString() ?? null, last: state.last, intervalMs: purgeIntervalMs() };
}

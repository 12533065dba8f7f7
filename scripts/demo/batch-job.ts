import { SpanKind, type Span } from "@opentelemetry/api";
import { double, hr, MS } from "./random";
import { dbQuery, httpCall, publish, type DemoError, type Writer } from "./writer";

const LANES = 4;
const FULL_RECORD = 7;
const CACHED_RECORD = 5;
/** root + extract phase + reconcile phase + settle phase with its query and publish. */
const FIXED_SPANS = 6;

const MISMATCH: DemoError = {
  type: "ReconciliationMismatchError",
  message: "ledger amount differs from payment provider settlement",
  frames: ["Matcher.compare (src/reconcile/matcher.ts:57:13)", "RecordProcessor.process (src/reconcile/record.ts:34:20)", "ChunkWorker.run (src/reconcile/chunk.ts:61:9)"],
};

export interface BatchJob {
  name: string;
  /** Cron expression, recorded as job.schedule. */
  schedule: string;
  /** Exactly this many spans end up in the trace. */
  spans: number;
  startUs: number;
}

/** Span budget, so a job of N spans produces exactly N spans. */
class Budget {
  constructor(public left: number) {}
  take(n: number): boolean {
    if (this.left < n) return false;
    this.left -= n;
    return true;
  }
}

/**
 * A nightly batch job as one deep trace: job -> phase -> chunk -> record -> step ->
 * inventory call -> inventory-db server -> query. Chunks run on parallel worker lanes.
 * Awaits between records so exports keep up and memory stays bounded.
 */
export async function writeBatchJob(w: Writer, job: BatchJob): Promise<void> {
  const pages = Math.min(12, Math.max(2, Math.floor(job.spans / 2000)));
  if (job.spans < FIXED_SPANS + pages + 2) throw new Error(`A batch job needs at least ${FIXED_SPANS + pages + 2} spans`);
  const budget = new Budget(job.spans - FIXED_SPANS - pages);
  const workflowId = `wf-${w.rand.hex(10)}`;
  const root = w.start("workflow-engine", `job ${job.name}`, job.startUs, {
    kind: SpanKind.CONSUMER,
    attributes: { "workflow.id": workflowId, "workflow.name": job.name, "workflow.trigger": "schedule.cron", "job.schedule": job.schedule },
  });

  let t = job.startUs + w.dur(5);
  const extract = w.start("workflow-engine", "phase extract", t, { parent: root, attributes: { "workflow.stage": "extract" } });
  for (let i = 0; i < pages; i++) {
    t = dbQuery(w, "workflow-engine", extract, t, {
      system: "postgresql", operation: "SELECT", table: "ledger_entries", rows: 5000, medianMs: 180,
      statement: "SELECT id, sku, amount_cents, settled_at FROM ledger_entries WHERE run_date = $1 ORDER BY id LIMIT 5000 OFFSET $2",
    });
  }
  extract.end(hr(t));
  const stages: [string, number][] = [["extract", t - job.startUs]];
  root.addEvent("stage_completed", { stage: "extract", duration: Math.round(stages[0][1] / MS) }, hr(t));

  const reconcileStart = t;
  const reconcile = w.start("workflow-engine", "phase reconcile", t, { parent: root, attributes: { "workflow.stage": "reconcile" } });
  const lanes = Array.from({ length: LANES }, (_, i) => t + i * w.dur(3));
  const totals = { records: 0, failed: 0, chunks: 0 };
  while (budget.take(1)) {
    const lane = lanes.indexOf(Math.min(...lanes));
    const chunk = w.start("workflow-engine", "reconcile.chunk", lanes[lane], {
      parent: reconcile,
      attributes: { "chunk.index": totals.chunks, "chunk.worker": lane },
    });
    let u = lanes[lane] + w.dur(1);
    const size = w.rand.int(30, 60);
    let records = 0;
    while (records < size && budget.left > 0) {
      const failed = writeRecord(w, chunk, u, budget, totals.records);
      u = failed.end;
      if (failed.failed) {
        totals.failed++;
        chunk.addEvent("stage_failed", { stage: "reconcile", duration: Math.round((u - lanes[lane]) / MS), "record.index": totals.records }, hr(u));
      }
      records++;
      totals.records++;
      await w.pipe.settle();
    }
    chunk.setAttribute("chunk.size", records);
    chunk.end(hr(u));
    lanes[lane] = u + w.dur(2);
    totals.chunks++;
  }
  t = Math.max(...lanes);
  reconcile.setAttributes({ "batch.records_processed": totals.records, "batch.records_failed": totals.failed });
  reconcile.end(hr(t));
  stages.push(["reconcile", t - reconcileStart]);
  root.addEvent("stage_completed", { stage: "reconcile", duration: Math.round((t - reconcileStart) / MS) }, hr(t));

  const settleStart = t;
  const settle = w.start("workflow-engine", "phase settle", t, { parent: root, attributes: { "workflow.stage": "settle" } });
  t = dbQuery(w, "workflow-engine", settle, t + w.dur(1), {
    system: "postgresql", operation: "INSERT", table: "reconciliation_runs", rows: 1, medianMs: 4,
    statement: "INSERT INTO reconciliation_runs (workflow_id, records, failed, finished_at) VALUES ($1, $2, $3, now())",
  });
  t = publish(w, "workflow-engine", settle, t, "reconciliation-events").sentAt;
  settle.end(hr(t));
  stages.push(["settle", t - settleStart]);
  root.addEvent("stage_completed", { stage: "settle", duration: Math.round((t - settleStart) / MS) }, hr(t));

  for (const [stage, us] of stages) root.setAttribute(`workflow.stages.${stage}.duration`, Math.round(us / MS));
  root.setAttributes({ "batch.records_processed": totals.records, "batch.records_failed": totals.failed, "batch.chunks": totals.chunks });
  root.end(hr(t + w.dur(1)));
  await w.pipe.settle();
}

/** One ledger record; uses at most the budget left (a short budget trims the record's steps). */
function writeRecord(w: Writer, chunk: Span, at: number, budget: Budget, index: number): { end: number; failed: boolean } {
  budget.take(1);
  const cached = w.rand.chance(0.6);
  const amount = double(w.rand.logNormal(80, 1));
  const record = w.start("workflow-engine", "reconcile.record", at, {
    parent: chunk,
    attributes: { "record.id": `le-${(1_000_000 + index).toString()}`, "record.amount": amount, "record.source": w.rand.pick(["stripe", "paypal", "bank_transfer"]) },
  });
  let u = at + w.dur(4);
  if (budget.take(1)) {
    u = w.leaf("workflow-engine", "record.validate", u, w.dur(0.3), { parent: record });
  }
  const lookup = budget.left >= FULL_RECORD - 2 && !cached ? 4 : budget.left >= CACHED_RECORD - 2 ? 2 : 0;
  if (lookup > 0 && budget.take(lookup)) {
    const match = w.start("workflow-engine", "record.match", u, { parent: record, attributes: { "match.cache_hit": lookup === 2 } });
    if (lookup === 2) {
      u = dbQuery(w, "workflow-engine", match, u + w.dur(0.05), {
        system: "redis", operation: "GET", table: "ledger_match", rows: 1, medianMs: 0.4, statement: "GET ledger_match:?",
      });
    } else {
      u = httpCall(w, "workflow-engine", "inventory-db", "GET", "/inventory/:sku", "/inventory/lookup", match, u + w.dur(0.05), (srv, a) => ({
        end: dbQuery(w, "inventory-db", srv, a, {
          system: "postgresql", operation: "SELECT", table: "inventory_movements", rows: w.rand.int(1, 8), medianMs: 3,
          statement: "SELECT id, qty, unit_cost_cents FROM inventory_movements WHERE sku = $1 AND moved_at::date = $2",
        }),
      })).end;
    }
    match.end(hr(u));
  }
  // Index 5 always fails so even a small job has an error to find in the waterfall.
  const failed = index === 5 || w.rand.chance(0.002);
  if (failed) {
    u += w.dur(1);
    w.fail(record, MISMATCH, u);
  } else if (budget.take(1)) {
    u = dbQuery(w, "workflow-engine", record, u, {
      system: "postgresql", operation: "UPDATE", table: "ledger_entries", rows: 1, medianMs: 2,
      statement: "UPDATE ledger_entries SET reconciled_at = now(), status = 'matched' WHERE id = $1",
    });
  }
  u += w.dur(18, 1, 0.5);
  record.end(hr(u));
  return { end: u, failed };
}

/**
 * Group commit: requests hand their (already validated) spans to one writer, which
 * commits many requests in one transaction and answers each only after that commit.
 * A transaction has a fixed cost (staging, dedup, summaries, catalog, WAL sync) that one
 * 512-span request cannot amortise; fifty of them together can.
 *
 * There is no linger timer: while one transaction commits, the next requests pile up and
 * become the next batch, so an idle server answers at once and a busy one batches.
 *
 * The queue is bounded by spans and bytes: past either bound `admit` throws
 * `OverloadedError`, so an overload turns into retries (OTLP exporters retry on 429 with
 * Retry-After) instead of memory growth.
 */
import { ingestLimitsFromEnv, type WriteQueueLimits } from "./write-limits";
import type { WriterStats } from "@/lib/contract";

export interface PendingWrite<P> {
  /** Whatever the engine prepared for this request (rows, chunks…). */
  payload: P;
  spans: number;
  bytes: number;
}

const OVERLOADED = Symbol.for("spanlens.overloaded");

export class OverloadedError extends Error {
  readonly [OVERLOADED] = true;

  constructor(readonly retryAfterSeconds: number, detail: string) {
    super(detail);
    this.name = "OverloadedError";
  }
}

/**
 * Load-bearing: Next bundles each route with its own copy of this module, and the store
 * (a process singleton) may come from another chunk, so `instanceof` fails across them.
 * The brand is a registered symbol, the same in every copy.
 */
export function isOverloaded(err: unknown): err is OverloadedError {
  return typeof err === "object" && err !== null && (err as Record<symbol, unknown>)[OVERLOADED] === true;
}

/** Work acknowledged but not finished downstream, which counts against the same bounds. */
export interface Backlog {
  spans: number;
  bytes: number;
  /** Spans/s the backlog drains at, for Retry-After; 0 when unknown. */
  rate: number;
}

type Item<P, R> =
  | (PendingWrite<P> & { kind: "write"; resolve(r: R): void; reject(e: unknown): void })
  | { kind: "task"; run(): Promise<void> };
type Write<P, R> = Extract<Item<P, R>, { kind: "write" }>;

export class GroupCommitWriter<P, R> {
  private queue: Item<P, R>[] = [];
  private queuedSpans = 0;
  private queuedBytes = 0;
  private reservedBytes = 0;
  private running = false;
  private readonly stats = { committedSpans: 0, commits: 0, rejectedOverload: 0 };
  /** Spans/s of recent commits, to tell an overloaded sender how long to wait. */
  private rate = 0;

  constructor(
    /** Commits a whole batch in one transaction; returns one result per write, in order. */
    private readonly commit: (batch: PendingWrite<P>[]) => Promise<R[]>,
    readonly limits: WriteQueueLimits = ingestLimitsFromEnv(),
  ) {}

  /**
   * Throws OverloadedError when a request of this size would push the queue (plus the
   * owner's backlog) past its bounds.
   */
  admit(spans: number, bytes: number, backlog: Backlog = { spans: 0, bytes: 0, rate: 0 }, reserving = false) {
    const { maxQueuedSpans, maxQueuedBytes } = this.limits;
    const waiting = this.queuedSpans + backlog.spans;
    // An empty queue takes any request the ingest limits allow, so a single large
    // request is never refused forever (its own reservation does not count).
    if (waiting === 0 && (!reserving || this.reservedBytes === 0)) return;
    const allBytes = this.queuedBytes + this.reservedBytes + backlog.bytes + bytes;
    if (waiting + spans <= maxQueuedSpans && allBytes <= maxQueuedBytes) return;
    this.stats.rejectedOverload++;
    const rate = backlog.rate || this.rate;
    const seconds = rate > 0 ? Math.ceil(waiting / rate) : 1;
    throw new OverloadedError(
      Math.min(30, Math.max(1, seconds)),
      `ingest queue full (${waiting} spans waiting; bounds ${maxQueuedSpans} spans, ` +
        `${Math.round(maxQueuedBytes / 2 ** 20)} MiB): retry later`,
    );
  }

  /**
   * Admits a request before its body is read, and counts its bytes against the bound
   * until `release`: bodies being read and decoded take memory too (several times their
   * size once decoded), so under overload the excess is refused before any of that work.
   */
  reserve(bytes: number, backlog?: Backlog): void {
    this.admit(0, bytes, backlog, true);
    this.reservedBytes += bytes;
  }

  release(bytes: number) {
    this.reservedBytes = Math.max(0, this.reservedBytes - bytes);
  }

  /** Queues an admitted write (see `admit`); resolves after the transaction holding it commits. */
  submit(write: PendingWrite<P>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ ...write, kind: "write", resolve, reject });
      this.queuedSpans += write.spans;
      this.queuedBytes += write.bytes;
      this.kick();
    });
  }

  /** Runs `task` alone on the writer, after everything queued before it. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ kind: "task", run: () => task().then(resolve, reject) });
      this.kick();
    });
  }

  snapshot(): WriterStats {
    return {
      queuedSpans: this.queuedSpans, queuedBytes: this.queuedBytes + this.reservedBytes, queuedRequests: this.queue.length,
      backlogSpans: 0, ...this.stats,
    };
  }

  private kick() {
    if (!this.running) void this.drain();
  }

  private take(): Write<P, R>[] {
    const batch: Write<P, R>[] = [];
    let spans = 0;
    for (let next = this.queue[0]; next?.kind === "write"; next = this.queue[0]) {
      if (batch.length && spans + next.spans > this.limits.maxBatchSpans) break;
      batch.push(next);
      this.queue.shift();
      spans += next.spans;
    }
    return batch;
  }

  private async drain() {
    this.running = true;
    try {
      while (this.queue.length) {
        const head = this.queue[0];
        if (head.kind === "task") {
          this.queue.shift();
          await head.run();
          continue;
        }
        const batch = this.take();
        await this.commitBatch(batch);
        for (const w of batch) {
          this.queuedSpans -= w.spans;
          this.queuedBytes -= w.bytes;
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async commitBatch(batch: Write<P, R>[]) {
    const t0 = performance.now();
    try {
      const results = await this.commit(batch);
      const spans = batch.reduce((n, w) => n + w.spans, 0);
      this.stats.committedSpans += spans;
      this.stats.commits++;
      const rate = spans / Math.max(0.001, (performance.now() - t0) / 1000);
      this.rate = this.rate ? 0.7 * this.rate + 0.3 * rate : rate;
      batch.forEach((w, i) => w.resolve(results[i]));
    } catch (err) {
      if (batch.length === 1) {
        batch[0].reject(err);
        return;
      }
      // Every request was validated before it was queued, so a failed group should not
      // happen; if it does, commit them one by one so one request cannot fail the others.
      for (const w of batch) await this.commitBatch([w]);
    }
  }
}

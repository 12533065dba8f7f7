import type { DuckDBConnection } from "@duckdb/node-api";
import type { Backlog } from "../group-commit";
import {
  CATALOG_MERGE_EVERY_MS, CHECKPOINT_WAL_BYTES, IDLE_AFTER_MS, IDLE_CHECKPOINT_WAL_BYTES, mergePendingCatalog, walBytes,
} from "./maintenance";
import { organizeLanded } from "./organize";
import { promoteHotKeys } from "./promotion";

/** A round takes at most about this many landed spans (whole landing commits, at least one). */
export const MAX_ROUND_SPANS = 50_000;
/** Promotion is checked after this many organised spans, so it stays off the hot path. */
const PROMOTION_CHECK_EVERY_SPANS = 20_000;
/**
 * A read waits for the organiser at most this long; past it (the organiser failing over
 * and over) it reads what is organised, and says so in the log, rather than hang.
 */
const CATCH_UP_TIMEOUT_MS = 30_000;

/**
 * The background half of ingest. Landing commits (the acknowledged writes) append rows
 * to `spans_landing`; this loop moves them into the query layout in large transactions
 * on its own connection, and between rounds merges the catalog, promotes hot keys and
 * checkpoints. Everything that writes through `writer` goes through `exclusive`.
 *
 * Reads stay exact: `caughtUp` resolves once every landing commit acknowledged before
 * the call is organised, so a read never misses an acknowledged span and never sees a
 * half-organised batch (each round is one transaction).
 */
export class Organizer {
  private chain: Promise<unknown> = Promise.resolve();
  private landedSeq = 0;
  private organizedSeq = 0;
  /** Landing commits not organised yet, in order; `maxReq` is the last request sequence number in each. */
  private backlog: { seq: number; spans: number; maxReq: bigint }[] = [];
  private waiters: { seq: number; resolve(): void }[] = [];
  private loop: Promise<void> | null = null;
  private idleTimer: NodeJS.Timeout | undefined;
  private lastCatalogMerge = Date.now();
  private storedSinceCheck = 0;
  private rate = 0;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly writer: DuckDBConnection,
    private readonly promoted: Map<string, string>,
    private readonly file: string,
    /** Runs a task while no landing transaction is open (checkpoints need the store quiet). */
    private readonly withLandingPaused: <T>(task: () => Promise<T>) => Promise<T>,
  ) {}

  /** Runs `task` on the writer connection, after whatever it is doing. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = this.chain.then(task, task);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** A landing commit of `spans` (requests up to `maxReq`) finished: acknowledged, now the organiser's. */
  landed(spans: number, maxReq: bigint) {
    if (spans === 0) return;
    this.landedSeq++;
    this.backlog.push({ seq: this.landedSeq, spans, maxReq });
    this.kick();
  }

  /** Landed spans are in DuckDB, not in this process's memory: they count against the
   * span bound only, not the byte bound (which is about memory). */
  pending(): Backlog {
    let spans = 0;
    for (const b of this.backlog) spans += b.spans;
    return { spans, bytes: 0, rate: this.rate };
  }

  /** Resolves once everything acknowledged so far is organised. */
  async caughtUp(): Promise<void> {
    const target = this.landedSeq;
    if (this.organizedSeq >= target) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        console.warn(`[spanlens] a read waited ${CATCH_UP_TIMEOUT_MS / 1000} s for organising; it may miss the newest spans`);
        resolve();
      }, CATCH_UP_TIMEOUT_MS);
    });
    await Promise.race([new Promise<void>((resolve) => this.waiters.push({ seq: target, resolve })), timeout]);
    clearTimeout(timer);
  }

  private kick() {
    if (this.loop) return;
    this.loop = this.run().finally(() => {
      this.loop = null;
      if (this.landedSeq > this.organizedSeq) this.kick();
      else this.scheduleIdleWork();
    });
  }

  private async run() {
    while (this.backlog.length) {
      // Whole landing commits, oldest first, committed before the transaction starts.
      let take = 1;
      let spans = this.backlog[0].spans;
      while (take < this.backlog.length && spans + this.backlog[take].spans <= MAX_ROUND_SPANS) spans += this.backlog[take++].spans;
      const { seq: covering, maxReq } = this.backlog[take - 1];
      const t0 = performance.now();
      try {
        const result = await this.exclusive(() => organizeLanded(this.writer, this.promoted, maxReq));
        this.failures = 0;
        this.finish(covering, result.landed / Math.max(0.001, (performance.now() - t0) / 1000));
        this.storedSinceCheck += result.stored;
      } catch (err) {
        // Landed rows stay where they are, so nothing is lost: try again, backing off.
        this.failures++;
        console.error("[spanlens] organising landed spans failed; retrying", err);
        await new Promise((r) => setTimeout(r, Math.min(30_000, 500 * 2 ** this.failures)));
        continue;
      }
      await this.maintenance(false).catch((err) => console.error("[spanlens] store maintenance failed", err));
    }
  }

  private finish(covering: number, rate: number) {
    this.organizedSeq = covering;
    this.backlog = this.backlog.filter((b) => b.seq > covering);
    this.rate = this.rate ? 0.7 * this.rate + 0.3 * rate : rate;
    const ready = this.waiters.filter((w) => w.seq <= covering);
    this.waiters = this.waiters.filter((w) => w.seq > covering);
    for (const w of ready) w.resolve();
  }

  /** Catalog merges, one promotion and checkpoints, each when its threshold is passed. */
  private async maintenance(idle: boolean) {
    if (idle || Date.now() - this.lastCatalogMerge >= CATALOG_MERGE_EVERY_MS) {
      this.lastCatalogMerge = Date.now();
      await this.exclusive(() => mergePendingCatalog(this.writer));
    }
    if (this.storedSinceCheck >= PROMOTION_CHECK_EVERY_SPANS) {
      this.storedSinceCheck = 0;
      // One column per pause, so a backlog of candidates never stalls organising for long.
      await this.exclusive(() => promoteHotKeys(this.writer, this.promoted, 1));
    }
    const wal = walBytes(this.file);
    if (wal >= CHECKPOINT_WAL_BYTES || (idle && wal >= IDLE_CHECKPOINT_WAL_BYTES)) await this.checkpoint();
  }

  /** Checkpoints with both writers quiet: landing paused, the organiser between rounds. */
  checkpoint(): Promise<void> {
    return this.exclusive(() => this.withLandingPaused(async () => void (await this.writer.run("CHECKPOINT"))));
  }

  /** Once ingest pauses, merge what is pending and checkpoint, so a quiet store is compact. */
  private scheduleIdleWork() {
    clearTimeout(this.idleTimer);
    if (this.stopped) return;
    this.idleTimer = setTimeout(() => {
      if (this.loop) return;
      void this.maintenance(true).catch((err) => console.error("[spanlens] idle store maintenance failed", err));
    }, IDLE_AFTER_MS);
    this.idleTimer.unref();
  }

  /** No more idle work: the store is closing (call after `caughtUp`). */
  stop() {
    this.stopped = true;
    clearTimeout(this.idleTimer);
  }
}

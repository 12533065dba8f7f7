import { LRUCache } from "lru-cache";
import { processSingleton } from "@/lib/process-singleton";

/**
 * How many wrong keys or passwords one address (or one account) may send in a window
 * before it gets 429 with Retry-After until the window ends. Only failures count, so a
 * busy exporter with a good key is never slowed by its own traffic.
 */
export const FAILURE_LIMIT = { max: 20, windowMs: 10 * 60_000 } as const;
/** Addresses and accounts tracked at once; the oldest are forgotten first. */
const TRACKED = 50_000;

interface Window {
  count: number;
  startedAt: number;
}

const windows = processSingleton(
  "authFailures",
  () => new LRUCache<string, Window>({ max: TRACKED, ttl: FAILURE_LIMIT.windowMs, ttlAutopurge: false }),
);

/** Seconds until `who` may try again, or 0 when it may now. */
export function blockedFor(who: string, now = Date.now()): number {
  const w = windows.get(who);
  if (!w || w.count < FAILURE_LIMIT.max) return 0;
  return Math.max(1, Math.ceil((w.startedAt + FAILURE_LIMIT.windowMs - now) / 1000));
}

export function recordFailure(who: string, now = Date.now()): void {
  const w = windows.get(who);
  if (w) w.count++;
  else windows.set(who, { count: 1, startedAt: now });
}

export function tooManyFailures(retryAfterS: number): Response {
  return Response.json(
    { error: `too many failed sign-in or API key attempts: try again in ${retryAfterS} s` },
    { status: 429, headers: { "Retry-After": String(retryAfterS) } },
  );
}

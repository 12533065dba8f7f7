import type { HrTime } from "@opentelemetry/api";
import type { IdGenerator } from "@opentelemetry/sdk-trace-base";

/** mulberry32: tiny, fast, and good enough for demo data; the same seed replays the same data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** Log-normal around `median`; sigma ~0.5 gives the long right tail real latencies have. */
  logNormal(median: number, sigma: number): number {
    const u1 = Math.max(this.next(), 1e-12);
    const u2 = this.next();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return median * Math.exp(sigma * z);
  }

  hex(chars: number): string {
    let out = "";
    while (out.length < chars) {
      out += Math.floor(this.next() * 0x100000000).toString(16).padStart(8, "0");
    }
    out = out.slice(0, chars);
    // An all-zero id is invalid in OTLP; astronomically unlikely, but cheap to rule out.
    return /^0+$/.test(out) ? "1".padStart(chars, "0") : out;
  }
}

/** Span and trace ids from their own seeded stream, so ids replay with the data. */
export class SeededIdGenerator implements IdGenerator {
  constructor(private readonly random: Random) {}

  generateTraceId(): string {
    return this.random.hex(32);
  }

  generateSpanId(): string {
    return this.random.hex(16);
  }
}

/**
 * JavaScript has one number type and the OTLP encoders send whole numbers as intValue,
 * so a price that happens to be $120 would flip the attribute's type. Money and
 * measurements are rounded to the given decimals and nudged off whole values to stay doubles.
 */
export function double(value: number, decimals = 2): number {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return Number.isInteger(r) ? r + 1 / f : r;
}

/** Microseconds since the epoch stay exact in a double (< 2^53) and convert to HrTime without loss. */
export function hr(us: number): HrTime {
  const s = Math.floor(us / 1_000_000);
  return [s, (us - s * 1_000_000) * 1000];
}

export const MS = 1000;
export const SECOND = 1_000_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

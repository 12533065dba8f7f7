/**
 * Timestamps as BigInt nanoseconds since the Unix epoch. Nothing here goes through a
 * float or a Date for the sub-millisecond part: a double holds only ~15-16 significant
 * digits and epoch nanoseconds have 19.
 */
import { MAX_INT64, MAX_TIME_ISO } from "./limits";
import { IngestError } from "./types";

/**
 * The one range check for stored times, whatever format they arrived in. Zero and earlier are out
 * too: zero is what a sender that never set the field transmits, and a span at 1970 would mislead.
 */
export function checkStoredTime(ns: bigint, path: string): bigint {
  if (ns <= 0n || ns > MAX_INT64) {
    throw new IngestError(path, `expected a time after 1970-01-01T00:00:00Z and by ${MAX_TIME_ISO}`);
  }
  return ns;
}

/**
 * An OTLP `*UnixNano` field: a decimal string or JSON number (OTLP/JSON), or a fixed64 as BigInt
 * (protobuf, decoded with `longs: BigInt`). A JSON number past 2^53 was already rounded by
 * JSON.parse; it is accepted as it arrived. Objects such as a protobufjs `{ low, high }` Long
 * are not OTLP/JSON and are refused.
 */
export function parseUnixNano(v: unknown, path: string): bigint {
  let ns: bigint;
  if (typeof v === "bigint") ns = v;
  else if (typeof v === "string" && /^\d{1,20}$/.test(v)) ns = BigInt(v);
  else if (typeof v === "number" && Number.isInteger(v)) ns = BigInt(v);
  else if (v == null) throw new IngestError(path, "required");
  else throw new IngestError(path, "expected Unix time in nanoseconds as a decimal string or integer");
  return checkStoredTime(ns, path);
}

// RFC 3339 (a profile of ISO 8601) plus what Python's isoformat() and common loggers
// write: a space instead of `T`, a comma before the fraction, `+hhmm` or `+hh` offsets.
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

/** An ISO 8601 / RFC 3339 date-time; no offset means UTC. Up to 9 fractional digits are kept exactly. */
export function parseIsoTimeNs(v: unknown, path: string): bigint {
  const m = typeof v === "string" ? ISO_TIME.exec(v) : null;
  if (!m) throw new IngestError(path, "expected an ISO 8601 time");
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const fraction = m[7] ?? "";
  const offset = m[8] ?? "Z";

  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls impossible dates over (Feb 30 -> Mar 2); a round trip catches them.
  const d = new Date(ms);
  const valid = d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 &&
    d.getUTCDate() === day && hour <= 23 && minute <= 59 && second <= 59;
  if (!valid) throw new IngestError(path, "expected an ISO 8601 time");

  let offsetMinutes = 0;
  if (offset !== "Z" && offset !== "z") {
    const digits = offset.slice(1).replace(":", "");
    const hh = Number(digits.slice(0, 2));
    const mm = Number(digits.slice(2) || "0");
    if (hh > 23 || mm > 59) throw new IngestError(path, "expected an ISO 8601 time");
    offsetMinutes = (offset[0] === "-" ? -1 : 1) * (hh * 60 + mm);
  }

  const ns = (BigInt(ms) - BigInt(offsetMinutes) * 60_000n) * 1_000_000n +
    BigInt(fraction.padEnd(9, "0"));
  return checkStoredTime(ns, path);
}

/**
 * A trace id as stored: 32 lowercase hex. 16-hex (64-bit) ids are left-padded with
 * zeros, as Jaeger and Zipkin interop does, so either form finds the trace.
 * Returns null when the input is not a trace id at all.
 */
export function normalizeTraceIdForLookup(raw: string): string | null {
  const id = raw.trim().toLowerCase();
  if (/^[0-9a-f]{32}$/.test(id)) return id;
  if (/^[0-9a-f]{16}$/.test(id)) return id.padStart(32, "0");
  return null;
}

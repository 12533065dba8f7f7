import type { SearchCursor } from "./types";

/** Search pages sort by start, duration, spans or errors: the cursor holds that value. */
export function encodeSearchCursor(c: SearchCursor): string {
  return Buffer.from(`${c.value}:${c.traceId}`).toString("base64url");
}

export function decodeSearchCursor(s: string): SearchCursor | null {
  const m = /^(-?\d{1,20}):([0-9a-f]{32})$/.exec(Buffer.from(s, "base64url").toString());
  return m ? { value: BigInt(m[1]), traceId: m[2] } : null;
}

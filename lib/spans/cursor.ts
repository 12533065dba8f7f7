import type { SearchCursor } from "./types";

/** Keyset cursor for "newest first" trace pages: the last row's start and trace id. */
export interface TraceCursor {
  startNs: bigint;
  traceId: string;
}

export function encodeCursor(c: TraceCursor): string {
  return Buffer.from(`${c.startNs}:${c.traceId}`).toString("base64url");
}

/** Null when the text is not a cursor this API returned. */
export function decodeCursor(s: string): TraceCursor | null {
  const c = decodeSearchCursor(s);
  return c ? { startNs: c.value, traceId: c.traceId } : null;
}

/** Search pages sort by start, duration, spans or errors: the cursor holds that value. */
export function encodeSearchCursor(c: SearchCursor): string {
  return Buffer.from(`${c.value}:${c.traceId}`).toString("base64url");
}

export function decodeSearchCursor(s: string): SearchCursor | null {
  const m = /^(-?\d{1,20}):([0-9a-f]{32})$/.exec(Buffer.from(s, "base64url").toString());
  return m ? { value: BigInt(m[1]), traceId: m[2] } : null;
}

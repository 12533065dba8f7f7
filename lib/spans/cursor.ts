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
  const m = /^(-?\d{1,20}):([0-9a-f]{32})$/.exec(Buffer.from(s, "base64url").toString());
  return m ? { startNs: BigInt(m[1]), traceId: m[2] } : null;
}

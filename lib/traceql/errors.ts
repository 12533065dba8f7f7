/**
 * Every failure a query can cause: a syntax error, a construct this compiler does not
 * handle, or a type clash. `from`/`to` are character offsets into the query text so the
 * editor can underline the exact span.
 */
export class TraceQLError extends Error {
  from: number;
  to: number;

  constructor(message: string, from: number, to: number) {
    super(message);
    this.name = "TraceQLError";
    this.from = from;
    this.to = to;
  }
}

export function notSupported(what: string, at: { from: number; to: number }): TraceQLError {
  return new TraceQLError(`not supported: ${what}`, at.from, at.to);
}

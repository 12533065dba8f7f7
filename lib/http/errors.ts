/** A JSON error reply: `{ error }` plus any extra fields (e.g. a position). */
export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}) {
  return Response.json({ error, ...extra }, { status });
}

/** A request parameter that failed validation; routes turn it into a 400. */
export class BadRequestError extends Error {
  constructor(readonly param: string, detail: string) {
    super(`${param}: ${detail}`);
    this.name = "BadRequestError";
  }
}

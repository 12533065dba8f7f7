import { isNotSupported } from "@/lib/spans/not-supported";

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

/** A TraceQL problem with its position, for `{ error, from, to }` replies. The message names the parameter. */
export class QueryError extends Error {
  constructor(message: string, readonly from: number, readonly to: number) {
    super(message);
    this.name = "QueryError";
  }
}

/**
 * RE2 refuses some patterns only when compiling them, because the program would be too
 * big (`\pL{1000}`): lib/traceql/regex.ts cannot see that, so the engine's refusal is the
 * user's mistake too. The texts are RE2's own, so nothing else the engine says matches.
 */
const RE2_ERRORS = "(pattern too large - compile failed|missing [\\])]|invalid escape sequence|invalid character class"
  + "|bad repetition|invalid repetition size|invalid perl operator|invalid named capture)";
/** DuckDB's wording, then ClickHouse's (`OptimizedRegularExpression: cannot compile re2: <pattern>, error: …`). */
const REGEX_ENGINE_ERROR = new RegExp(`^Invalid Input Error: ${RE2_ERRORS}|cannot compile re2: .*, error: ${RE2_ERRORS}`, "s");

/**
 * The 400 for a request problem (or the 501 for a feature the span store does not have
 * yet), or null when `err` is not the caller's fault (let it be a 500).
 * `queryParam` names where the TraceQL came from, for the engine's regex errors.
 */
export function badRequestResponse(err: unknown, queryParam = "q"): Response | null {
  if (err instanceof QueryError) return jsonError(400, err.message, { from: err.from, to: err.to });
  if (err instanceof BadRequestError) return jsonError(400, err.message);
  if (isNotSupported(err)) return jsonError(501, err.message, { feature: err.feature });
  const engine = err instanceof Error ? REGEX_ENGINE_ERROR.exec(err.message) : null;
  if (engine) return jsonError(400, `${queryParam}: the engine cannot compile a regex of this query: ${engine[1] ?? engine[2]}`);
  return null;
}

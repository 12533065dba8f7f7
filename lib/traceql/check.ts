import { TraceQLError } from "./errors";
import { parseTraceQL } from "./parse";
import { checkSemantics } from "./semantics";
import { simplify } from "./simplify";

/**
 * Validation without running anything: the first problem a query has (syntax, an
 * unsupported construct, a type clash) with its position, or null when it compiles.
 */
export function checkTraceQL(query: string): { message: string; from: number; to: number } | null {
  try {
    checkSemantics(simplify(parseTraceQL(query)));
    return null;
  } catch (err) {
    if (err instanceof TraceQLError) return { message: err.message, from: err.from, to: err.to };
    throw err;
  }
}

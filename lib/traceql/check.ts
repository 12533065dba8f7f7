import { compileTraceQL } from "./compile";
import { TraceQLError } from "./errors";

/**
 * Validation without running anything: the first problem a query has (syntax, an
 * unsupported construct, a type clash) with its position, or null when it compiles.
 */
export function checkTraceQL(query: string): { message: string; from: number; to: number } | null {
  try {
    compileTraceQL(query);
    return null;
  } catch (err) {
    if (err instanceof TraceQLError) return { message: err.message, from: err.from, to: err.to };
    throw err;
  }
}

import { checkTraceQL } from "@/lib/traceql/check";
import { QueryError } from "./errors";

/**
 * A TraceQL parameter, checked without any engine (syntax, semantics, position of the
 * first problem): the store compiles it for its own dialect. Empty stays empty.
 */
export function traceqlParam(q: string | null | undefined, param: string): string {
  const text = q ?? "";
  if (!text.trim()) return "";
  const problem = checkTraceQL(text);
  if (problem) throw new QueryError(`${param}: ${problem.message}`, problem.from, problem.to);
  return text;
}

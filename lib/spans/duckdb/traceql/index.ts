/**
 * TraceQL -> parameterised DuckDB SQL over `spans`, from the AST lib/traceql parses and
 * checks (see its index for what is supported). Dedicated columns (../../layout) are read
 * instead of maps where the store has them.
 */
export { compileTraceQL, type CompiledTraceQL } from "./compile";
export { compileSpanFilter } from "./span-filter";

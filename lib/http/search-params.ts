import { decodeSearchCursor } from "@/lib/spans/cursor";
import type { TraceSearchQuery } from "@/lib/spans/types";
import { compileTraceQL } from "@/lib/spans/duckdb/traceql";
import { TraceQLError } from "@/lib/traceql";
import type { PromotedColumns } from "@/lib/spans/layout";
import { BadRequestError, QueryError } from "./errors";
import { MAX_NS, nowNs, parseLimit, parseSinceParam, parseTimeParam } from "./time-params";
import type { TraceSortKey } from "@/lib/contract";

export const TRACE_SORTS: readonly TraceSortKey[] = ["start", "duration", "spans", "errors"];
/** An attribute column: `span.<key>`, `resource.<key>` or `.<key>` (either scope). */
export const COLUMN_SPEC = /^(span|resource)?\.(.+)$/;
export const MAX_COLUMNS = 10;

/** `{}` (or nothing) needs no span scan: every trace in the range matches. */
function compile(q: string | null, columns: PromotedColumns): TraceSearchQuery["match"] {
  if (!q || /^\s*\{\s*\}\s*$/.test(q)) return null;
  try {
    return compileTraceQL(q, { columns });
  } catch (err) {
    if (err instanceof TraceQLError) throw new QueryError(`q: ${err.message}`, err.from, err.to);
    throw err;
  }
}

export function parseRange(params: URLSearchParams) {
  const since = parseSinceParam(params.get("since"), nowNs());
  const startNs = parseTimeParam("start", params.get("start")) ?? since ?? 0n;
  const endNs = parseTimeParam("end", params.get("end")) ?? MAX_NS;
  if (startNs > endNs) throw new BadRequestError("end", "before start");
  return { startNs, endNs };
}

function parseColumns(raw: string | null): TraceSearchQuery["columns"] {
  if (!raw) return [];
  const specs = raw.split(",").map((s) => s.trim()).filter(Boolean);
  if (specs.length > MAX_COLUMNS) throw new BadRequestError("columns", `at most ${MAX_COLUMNS} attribute columns`);
  return specs.map((spec) => {
    const m = COLUMN_SPEC.exec(spec);
    if (!m) throw new BadRequestError("columns", `expected span.<key>, resource.<key> or .<key>, got "${spec}"`);
    return { scope: (m[1] as "span" | "resource" | undefined) ?? "any", key: m[2] };
  });
}

/** Everything `GET /api/v1/traces` accepts, validated. */
export function parseSearchParams(params: URLSearchParams, projectId: number, columns: PromotedColumns): TraceSearchQuery {
  const sort = (params.get("sort") ?? "start") as TraceSortKey;
  if (!TRACE_SORTS.includes(sort)) throw new BadRequestError("sort", `expected one of ${TRACE_SORTS.join(", ")}`);
  const order = params.get("order") ?? "desc";
  if (order !== "asc" && order !== "desc") throw new BadRequestError("order", "expected asc or desc");
  const rawCursor = params.get("cursor");
  const cursor = rawCursor ? decodeSearchCursor(rawCursor) : undefined;
  // Every sort value is a BIGINT, so a value past it cannot have come from this API.
  if (rawCursor && (!cursor || cursor.value > MAX_NS || cursor.value < -MAX_NS - 1n)) {
    throw new BadRequestError("cursor", "not a cursor returned by this API");
  }
  return {
    projectId,
    match: compile(params.get("q"), columns),
    ...parseRange(params),
    limit: parseLimit(params.get("limit"), 50, 1000),
    sort,
    order,
    cursor: cursor ?? undefined,
    columns: parseColumns(params.get("columns")),
  };
}

import { decodeSearchCursor } from "@/lib/spans/cursor";
import type { TraceSearchQuery } from "@/lib/spans/types";
import { BadRequestError } from "./errors";
import { traceqlParam } from "./traceql-param";
import { MAX_NS, nowNs, parseLimit, parseSinceParam, parseTimeParam } from "./time-params";
import type { TraceSortKey } from "@/lib/contract";

export const TRACE_SORTS: readonly TraceSortKey[] = ["start", "duration", "spans", "errors"];
/** An attribute column: `span.<key>`, `resource.<key>` or `.<key>` (either scope). */
export const COLUMN_SPEC = /^(span|resource)?\.(.+)$/;
export const MAX_COLUMNS = 10;

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
export function parseSearchParams(params: URLSearchParams, projectId: number): TraceSearchQuery {
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
    q: traceqlParam(params.get("q"), "q"),
    ...parseRange(params),
    limit: parseLimit(params.get("limit"), 50, 1000),
    sort,
    order,
    cursor: cursor ?? undefined,
    columns: parseColumns(params.get("columns")),
  };
}

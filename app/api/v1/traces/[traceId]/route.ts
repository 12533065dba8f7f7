import { authorize } from "@/lib/http/auth";
import { badRequestResponse, jsonError } from "@/lib/http/errors";
import { nextTracePage, parseTracePage } from "@/lib/http/trace-page";
import { getSpanStore } from "@/lib/spans";
import { normalizeTraceIdForLookup } from "@/lib/spans/trace-id";

/**
 * `?offset=&limit=`: the trace's spans in full, a page at a time, with `total` and the
 * `next` page's URL. Without paging a big trace answers its first page, so callers that
 * expect every span see `next` rather than a reply too large to build.
 */
export async function GET(req: Request, ctx: { params: Promise<{ traceId: string }> }) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  const { traceId } = await ctx.params;
  if (!normalizeTraceIdForLookup(traceId)) {
    return jsonError(400, `traceId: expected 32 or 16 hex characters, got "${traceId}"`);
  }
  try {
    const page = parseTracePage(new URL(req.url).searchParams);
    const trace = await (await getSpanStore()).getTrace(auth.projectId, traceId, page);
    if (!trace) return jsonError(404, `trace ${traceId} not found`);
    return Response.json({ ...trace, ...page, next: nextTracePage(trace.traceId, page, trace.total) });
  } catch (err) {
    const bad = badRequestResponse(err);
    if (bad) return bad;
    throw err;
  }
}

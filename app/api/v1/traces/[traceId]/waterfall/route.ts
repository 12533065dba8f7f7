import { readerProject } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";
import { getSpanStore } from "@/lib/spans";
import { normalizeTraceIdForLookup } from "@/lib/spans/trace-id";

/** The whole trace in columns (see CompactTrace): what the waterfall loads. */
export async function GET(req: Request, ctx: { params: Promise<{ traceId: string }> }) {
  const auth = await readerProject(req);
  if (!auth.ok) return auth.response;
  const { traceId } = await ctx.params;
  if (!normalizeTraceIdForLookup(traceId)) return jsonError(400, `traceId: expected 32 or 16 hex characters, got "${traceId}"`);
  const trace = await (await getSpanStore()).getCompactTrace(auth.projectId, traceId);
  if (!trace) return jsonError(404, `trace ${traceId} not found`);
  return Response.json(trace);
}

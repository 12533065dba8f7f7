import { authorize } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";
import { getSpanStore } from "@/lib/spans";
import { normalizeTraceIdForLookup } from "@/lib/spans/trace-id";

/** One span in full: attributes, resource, events, links. */
export async function GET(req: Request, ctx: { params: Promise<{ traceId: string; spanId: string }> }) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  const { traceId, spanId } = await ctx.params;
  if (!normalizeTraceIdForLookup(traceId)) return jsonError(400, `traceId: expected 32 or 16 hex characters, got "${traceId}"`);
  if (!/^[0-9a-fA-F]{16}$/.test(spanId)) return jsonError(400, `spanId: expected 16 hex characters, got "${spanId}"`);
  const span = await (await getSpanStore()).getSpan(auth.projectId, traceId, spanId);
  if (!span) return jsonError(404, `span ${spanId} not found in trace ${traceId}`);
  return Response.json(span);
}

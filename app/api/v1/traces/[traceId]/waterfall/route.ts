import { authorize } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";
import { getSpanStore } from "@/lib/spans";
import { normalizeTraceIdForLookup } from "@/lib/spans/trace-id";

/** The whole trace in columns (see CompactTrace): what the waterfall loads. */
export async function GET(req: Request, ctx: { params: Promise<{ traceId: string }> }) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  const { traceId } = await ctx.params;
  if (!normalizeTraceIdForLookup(traceId)) return jsonError(400, `traceId: expected 32 or 16 hex characters, got "${traceId}"`);
  // Serialised by the engine: building 100,000 JS objects to stringify them again costs seconds.
  const json = await (await getSpanStore()).getCompactTraceJson(auth.projectId, traceId);
  if (!json) return jsonError(404, `trace ${traceId} not found`);
  // no-transform: the server's gzip would spend more CPU on a 100,000-span trace (~6 MB)
  // than the query itself, on the same cores the browser needs to render. Measured in
  // BENCHMARKS.md; drop the header to trade that for a smaller transfer on slow links.
  return new Response(json, { headers: { "content-type": "application/json", "cache-control": "private, no-transform" } });
}

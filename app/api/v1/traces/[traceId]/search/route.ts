import { z } from "zod";
import { authorize } from "@/lib/http/auth";
import { badRequestResponse, jsonError } from "@/lib/http/errors";
import { getSpanStore } from "@/lib/spans";
import { normalizeTraceIdForLookup } from "@/lib/spans/trace-id";
import { parseTraceSearch } from "@/lib/waterfall/search-query";

const Params = z.object({
  q: z.string().max(500, "at most 500 characters"),
  limit: z.coerce.number().int().min(1).max(200_000).default(200_000),
});

/**
 * Spans of one trace whose attributes match `q`: free text, or `key=value` / `key!=value`
 * (see lib/waterfall/search-query.ts). Answers span ids in start order; the waterfall
 * matches names and services itself.
 */
export async function GET(req: Request, ctx: { params: Promise<{ traceId: string }> }) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  const { traceId } = await ctx.params;
  if (!normalizeTraceIdForLookup(traceId)) return jsonError(400, `traceId: expected 32 or 16 hex characters, got "${traceId}"`);
  const url = new URL(req.url);
  const parsed = Params.safeParse({ q: url.searchParams.get("q") ?? "", limit: url.searchParams.get("limit") ?? undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return jsonError(400, `${issue.path.join(".")}: ${issue.message}`);
  }
  const { q, limit } = parsed.data;
  try {
    const spanIds = await (await getSpanStore()).searchInTrace(auth.projectId, traceId, parseTraceSearch(q), limit + 1);
    if (!spanIds) return jsonError(404, `trace ${traceId} not found`);
    return Response.json({ spanIds: spanIds.slice(0, limit), truncated: spanIds.length > limit });
  } catch (err) {
    const refused = badRequestResponse(err);
    if (refused) return refused;
    throw err;
  }
}

import { authorize } from "@/lib/http/auth";
import { BadRequestError, jsonError } from "@/lib/http/errors";
import { parseScopeParam } from "@/lib/http/scope-param";
import { parseLimit } from "@/lib/http/time-params";
import { getSpanStore } from "@/lib/spans";

/** Top values of one attribute key, most frequent first. */
export async function GET(req: Request, ctx: { params: Promise<{ key: string }> }) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  // Next has already decoded the segment once; decoding again broke keys holding a `%`.
  const { key } = await ctx.params;
  const params = new URL(req.url).searchParams;
  try {
    const result = await (await getSpanStore()).listAttributeValues({
      projectId: auth.projectId,
      key,
      scope: parseScopeParam(params.get("scope")),
      prefix: params.get("prefix") ?? undefined,
      limit: parseLimit(params.get("limit"), 50, 1000),
    });
    return Response.json({ key, ...result });
  } catch (err) {
    if (err instanceof BadRequestError) return jsonError(400, err.message);
    throw err;
  }
}

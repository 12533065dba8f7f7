import { authorize } from "@/lib/http/auth";
import { BadRequestError, jsonError } from "@/lib/http/errors";
import { parseScopeParam } from "@/lib/http/scope-param";
import { parseLimit } from "@/lib/http/time-params";
import { getSpanStore } from "@/lib/spans";

/** Attribute keys for autocomplete and the explorer, from the catalog kept at ingest. */
export async function GET(req: Request) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  const params = new URL(req.url).searchParams;
  try {
    const keys = await (await getSpanStore()).listAttributeKeys({
      projectId: auth.projectId,
      scope: parseScopeParam(params.get("scope")),
      prefix: params.get("prefix") ?? undefined,
      limit: parseLimit(params.get("limit"), 200, 10_000),
    });
    return Response.json({ keys });
  } catch (err) {
    if (err instanceof BadRequestError) return jsonError(400, err.message);
    throw err;
  }
}

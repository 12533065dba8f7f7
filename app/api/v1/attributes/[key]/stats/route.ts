import { authorize } from "@/lib/http/auth";
import { BadRequestError, jsonError } from "@/lib/http/errors";
import { parseChartRange } from "@/lib/http/metrics-params";
import { getSpanStore } from "@/lib/spans";

/** `?scope=span|resource&start=&end=&since=`: distinct estimate and numeric summary of one key. */
export async function GET(req: Request, ctx: { params: Promise<{ key: string }> }) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  // Next has already decoded the segment once; decoding again broke keys holding a `%`.
  const { key } = await ctx.params;
  const params = new URL(req.url).searchParams;
  try {
    const scope = params.get("scope") ?? "span";
    if (scope !== "span" && scope !== "resource") throw new BadRequestError("scope", "expected span or resource");
    const range = params.get("start") || params.get("since") ? parseChartRange(params) : { startNs: 0n, endNs: (1n << 63n) - 1n };
    return Response.json(await (await getSpanStore()).attributeStats({ projectId: auth.projectId, key, scope, ...range }));
  } catch (err) {
    if (err instanceof BadRequestError) return jsonError(400, err.message);
    throw err;
  }
}

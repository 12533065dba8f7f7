import { badRequestResponse, jsonError } from "@/lib/http/errors";
import { authorize } from "@/lib/http/auth";
import { readJsonBody } from "@/lib/http/read-json-body";
import { parseSamplingPolicy, SamplingPolicyError } from "@/lib/sampling/policy";
import { previewSampling } from "@/lib/sampling/preview";

type Ctx = { params: Promise<{ slug: string }> };

/** What a (possibly unsaved) policy would have kept of the last hour. */
export async function POST(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { slug: (await ctx.params).slug });
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(req);
  if (!body.ok) return body.response;
  try {
    return Response.json(await previewSampling(auth.project.id, parseSamplingPolicy(body.body)));
  } catch (err) {
    if (err instanceof SamplingPolicyError) return jsonError(400, err.message, err.from === undefined ? {} : { from: err.from, to: err.to });
    const refused = badRequestResponse(err);
    if (refused) return refused;
    throw err;
  }
}

import { getProjectSettings, setSamplingPolicy } from "@/lib/db/project-settings";
import { jsonError } from "@/lib/http/errors";
import { recordActivity } from "@/lib/db/activity";
import { actorOf, authorize } from "@/lib/http/auth";
import { readJsonBody } from "@/lib/http/read-json-body";
import { parseSamplingPolicy, SamplingPolicyError } from "@/lib/sampling/policy";

type Ctx = { params: Promise<{ slug: string }> };

/** The project's sampling rules; with none, `{ rules: [], defaultRate: 1 }`: everything is kept. */
export async function GET(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { slug: (await ctx.params).slug });
  if (!auth.ok) return auth.response;
  const { sampling } = await getProjectSettings(auth.project.id);
  return Response.json(sampling ?? { rules: [], defaultRate: 1, updatedAt: null, updatedBy: null });
}

/** Replaces the rules. `{ rules: [], defaultRate: 1 }` removes sampling. */
export async function PUT(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { slug: (await ctx.params).slug, need: "admin" });
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(req);
  if (!body.ok) return body.response;
  try {
    const policy = parseSamplingPolicy(body.body);
    const keepAll = policy.rules.length === 0 && policy.defaultRate === 1;
    const actor = actorOf(auth);
    await setSamplingPolicy(auth.project.id, keepAll ? null : policy, actor.email);
    await recordActivity({ project: auth.project, actor, action: "sampling.changed", detail: { rules: policy.rules.length, defaultRate: policy.defaultRate } });
    const { sampling } = await getProjectSettings(auth.project.id);
    return Response.json(sampling ?? { rules: [], defaultRate: 1, updatedAt: null, updatedBy: null });
  } catch (err) {
    if (err instanceof SamplingPolicyError) return jsonError(400, err.message, err.from === undefined ? {} : { from: err.from, to: err.to });
    throw err;
  }
}

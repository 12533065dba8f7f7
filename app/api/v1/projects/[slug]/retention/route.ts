import { setProjectRetention } from "@/lib/db/project-settings";
import { jsonError } from "@/lib/http/errors";
import { recordActivity } from "@/lib/db/activity";
import { actorOf, authorize } from "@/lib/http/auth";
import { readJsonBody } from "@/lib/http/read-json-body";
import { parseRetention, RetentionPeriodError } from "@/lib/retention/period";
import { retentionView } from "@/lib/retention/view";

type Ctx = { params: Promise<{ slug: string }> };

/** Retention, the store's size, its oldest span and when the next purge runs. */
export async function GET(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { slug: (await ctx.params).slug });
  if (!auth.ok) return auth.response;
  return Response.json(await retentionView(auth.project.id));
}

/** `{ retention: "7d" }`, `"unlimited"`, or null to follow SPANLENS_RETENTION. */
export async function PUT(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { slug: (await ctx.params).slug, need: "admin" });
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(req);
  if (!body.ok) return body.response;
  const raw = (body.body as { retention?: unknown } | null)?.retention;
  if (raw !== null && typeof raw !== "string") return jsonError(400, 'retention: expected a period like "7d", "unlimited", or null');
  try {
    if (raw !== null) parseRetention(raw);
  } catch (err) {
    if (err instanceof RetentionPeriodError) return jsonError(400, `retention: ${err.message}`);
    throw err;
  }
  const retention = raw === null ? null : raw.trim().toLowerCase();
  await setProjectRetention(auth.project.id, retention);
  await recordActivity({ project: auth.project, actor: actorOf(auth), action: "retention.changed", detail: { retention } });
  return Response.json(await retentionView(auth.project.id));
}

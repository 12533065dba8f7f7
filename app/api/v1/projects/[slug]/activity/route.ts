import { ACTIVITY_PAGE_MAX, listActivity } from "@/lib/db/activity";
import { authorize } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";

type Ctx = { params: Promise<{ slug: string }> };

/** Admin actions in this project, newest first; `?limit=` up to ACTIVITY_PAGE_MAX. */
export async function GET(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { slug: (await ctx.params).slug, need: "admin" });
  if (!auth.ok) return auth.response;
  const raw = new URL(req.url).searchParams.get("limit");
  const limit = raw === null ? 50 : Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > ACTIVITY_PAGE_MAX) return jsonError(400, `limit: expected a whole number from 1 to ${ACTIVITY_PAGE_MAX}`);
  return Response.json({ activity: await listActivity(auth.projectId, limit) });
}

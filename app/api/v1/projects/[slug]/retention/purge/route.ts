import { projectFromSlug } from "@/lib/http/project-param";
import { runPurgesNow } from "@/lib/retention/scheduler";

type Ctx = { params: Promise<{ slug: string }> };

/** Runs the retention purge now (every project's, as the schedule would) and reports it. */
export async function POST(req: Request, ctx: Ctx) {
  const auth = await projectFromSlug(req, (await ctx.params).slug);
  if (!auth.ok) return auth.response;
  return Response.json(await runPurgesNow());
}

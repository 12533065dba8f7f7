import { authorize } from "@/lib/http/auth";
import { runPurgesNow } from "@/lib/retention/scheduler";

type Ctx = { params: Promise<{ slug: string }> };

/** Runs the retention purge now (every project's, as the schedule would) and reports it. */
export async function POST(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { slug: (await ctx.params).slug, need: "admin" });
  if (!auth.ok) return auth.response;
  return Response.json(await runPurgesNow());
}

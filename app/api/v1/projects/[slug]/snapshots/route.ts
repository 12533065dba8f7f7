import { listSnapshots } from "@/lib/db/snapshots";
import { authorize } from "@/lib/http/auth";

type Ctx = { params: Promise<{ slug: string }> };

/** The project's snapshots, newest first, with who made them and whether they still open. */
export async function GET(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { slug: (await ctx.params).slug, need: "admin" });
  if (!auth.ok) return auth.response;
  return Response.json({ snapshotsEnabled: auth.project.snapshotsEnabled, snapshots: await listSnapshots(auth.projectId) });
}

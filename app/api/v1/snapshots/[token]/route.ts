import { recordActivity } from "@/lib/db/activity";
import { openSnapshot, revokeSnapshot } from "@/lib/db/snapshots";
import { actorOf, authorize } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";

type Ctx = { params: Promise<{ token: string }> };

const gone = () => jsonError(404, "no such snapshot: the link is wrong, or the snapshot was revoked or has expired");

/** Public: the frozen panels and their answers, with what they expose. No sign-in, by design. */
export async function GET(_req: Request, ctx: Ctx) {
  const found = await openSnapshot((await ctx.params).token);
  if (!found) return gone();
  const { view, payload } = found;
  return Response.json(
    { title: view.title, expiresAt: view.expiresAt, ...payload },
    { headers: { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" } },
  );
}

/** Revokes a snapshot (by its token, or its id from the settings list): editors of its project. */
export async function DELETE(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { need: "editor" });
  if (!auth.ok) return auth.response;
  const revoked = await revokeSnapshot(auth.projectId, (await ctx.params).token);
  if (!revoked) return gone();
  await recordActivity({ project: auth.project, actor: actorOf(auth), action: "snapshot.revoked", target: revoked.title });
  return new Response(null, { status: 204 });
}

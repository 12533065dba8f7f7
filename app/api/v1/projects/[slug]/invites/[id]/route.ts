import { recordActivity } from "@/lib/db/activity";
import { revokeInvite } from "@/lib/db/invites";
import { actorOf, authorize } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";

type Ctx = { params: Promise<{ slug: string; id: string }> };

/** Revokes a pending invite: its link stops working. */
export async function DELETE(req: Request, ctx: Ctx) {
  const { slug, id } = await ctx.params;
  const auth = await authorize(req, { slug, need: "admin" });
  if (!auth.ok) return auth.response;
  const invite = await revokeInvite(auth.projectId, id);
  if (!invite) return jsonError(404, `no pending invite ${id} in project "${slug}"`);
  await recordActivity({ project: auth.project, actor: actorOf(auth), action: "invite.revoked", target: invite.email ?? undefined, detail: { role: invite.role } });
  return new Response(null, { status: 204 });
}

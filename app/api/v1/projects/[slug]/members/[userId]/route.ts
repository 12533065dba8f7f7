import { recordActivity } from "@/lib/db/activity";
import { countAdmins, memberRole, removeMember, setMember } from "@/lib/db/members";
import { findUserById } from "@/lib/db/users";
import { actorOf, authorize } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";
import { changeRoleBody } from "@/lib/http/team-bodies";
import { parseJsonBody } from "@/lib/http/zod-body";

type Ctx = { params: Promise<{ slug: string; userId: string }> };

const LAST_ADMIN = "the project's last admin cannot be demoted or removed: make someone else admin first";

/** `{ role }`: changes a member's role. */
export async function PATCH(req: Request, ctx: Ctx) {
  const { slug, userId } = await ctx.params;
  const auth = await authorize(req, { slug, need: "admin" });
  if (!auth.ok) return auth.response;
  const body = await parseJsonBody(req, changeRoleBody);
  if (!body.ok) return body.response;
  const before = await memberRole(auth.projectId, userId);
  const user = before ? await findUserById(userId) : null;
  if (!before || !user) return jsonError(404, `no member ${userId} in project "${slug}"`);
  if (before === "admin" && body.data.role !== "admin" && (await countAdmins(auth.projectId)) <= 1) return jsonError(409, LAST_ADMIN);
  await setMember(auth.projectId, userId, body.data.role);
  if (before !== body.data.role) {
    await recordActivity({ project: auth.project, actor: actorOf(auth), action: "member.role_changed", target: user.email, detail: { from: before, to: body.data.role } });
  }
  return Response.json({ userId, email: user.email, name: user.name, role: body.data.role });
}

export async function DELETE(req: Request, ctx: Ctx) {
  const { slug, userId } = await ctx.params;
  const auth = await authorize(req, { slug, need: "admin" });
  if (!auth.ok) return auth.response;
  const before = await memberRole(auth.projectId, userId);
  const user = before ? await findUserById(userId) : null;
  if (!before || !user) return jsonError(404, `no member ${userId} in project "${slug}"`);
  if (before === "admin" && (await countAdmins(auth.projectId)) <= 1) return jsonError(409, LAST_ADMIN);
  await removeMember(auth.projectId, userId);
  await recordActivity({ project: auth.project, actor: actorOf(auth), action: "member.removed", target: user.email, detail: { role: before } });
  return new Response(null, { status: 204 });
}

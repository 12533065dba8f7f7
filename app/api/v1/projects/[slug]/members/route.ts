import { recordActivity } from "@/lib/db/activity";
import { listMembers, setMember } from "@/lib/db/members";
import { findUserByEmail } from "@/lib/db/users";
import { actorOf, authorize } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";
import { addMemberBody } from "@/lib/http/team-bodies";
import { parseJsonBody } from "@/lib/http/zod-body";

type Ctx = { params: Promise<{ slug: string }> };

/** Everyone in the project can see who else is, so they know whom to ask. */
export async function GET(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { slug: (await ctx.params).slug });
  if (!auth.ok) return auth.response;
  return Response.json({ members: await listMembers(auth.projectId) });
}

/** `{ email, role }`: adds someone who has an account (others get an invite link instead). */
export async function POST(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { slug: (await ctx.params).slug, need: "admin" });
  if (!auth.ok) return auth.response;
  const body = await parseJsonBody(req, addMemberBody);
  if (!body.ok) return body.response;
  const user = await findUserByEmail(body.data.email);
  if (!user) return jsonError(404, `email: no account for ${body.data.email}: create an invite link for them instead`);
  const before = await setMember(auth.projectId, user.id, body.data.role);
  const actor = actorOf(auth);
  if (before !== body.data.role) {
    await recordActivity({
      project: auth.project,
      actor,
      action: before ? "member.role_changed" : "member.added",
      target: user.email,
      detail: before ? { from: before, to: body.data.role } : { role: body.data.role },
    });
  }
  return Response.json({ userId: user.id, email: user.email, name: user.name, role: body.data.role }, { status: before ? 200 : 201 });
}

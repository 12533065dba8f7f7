import { recordActivity } from "@/lib/db/activity";
import { createInvite, listInvites } from "@/lib/db/invites";
import { actorOf, authorize } from "@/lib/http/auth";
import { appOrigin } from "@/lib/http/origin";
import { createInviteBody } from "@/lib/http/team-bodies";
import { parseJsonBody } from "@/lib/http/zod-body";

type Ctx = { params: Promise<{ slug: string }> };

export async function GET(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { slug: (await ctx.params).slug, need: "admin" });
  if (!auth.ok) return auth.response;
  return Response.json({ invites: await listInvites(auth.projectId) });
}

/**
 * `{ role, email?, expiresInHours? }` -> `{ url, expiresAt }`. The admin copies the link to
 * the teammate (no mail server); it is shown only in this reply and works once.
 */
export async function POST(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { slug: (await ctx.params).slug, need: "admin" });
  if (!auth.ok || !auth.user) return auth.ok ? Response.json({ error: "invites need a signed-in admin" }, { status: 403 }) : auth.response;
  const body = await parseJsonBody(req, createInviteBody);
  if (!body.ok) return body.response;
  const { role, email, expiresInHours } = body.data;
  const { token, invite } = await createInvite({ projectId: auth.projectId, role, email, ttlMs: expiresInHours * 3_600_000, createdBy: auth.user.id });
  await recordActivity({ project: auth.project, actor: actorOf(auth), action: "invite.created", target: invite.email ?? undefined, detail: { role, expiresAt: invite.expiresAt } });
  return Response.json({ url: `${appOrigin(req)}/invite/${token}`, expiresAt: invite.expiresAt, invite }, { status: 201 });
}

import { z } from "zod";
import { createPasswordAccount, OwnerError } from "@/lib/auth/owner";
import { recordActivity } from "@/lib/db/activity";
import { acceptInvite, InviteError, inviteByToken } from "@/lib/db/invites";
import { deleteUser, findUserByEmail } from "@/lib/db/users";
import { jsonError } from "@/lib/http/errors";
import { isSameOrigin } from "@/lib/http/origin";
import { parseJsonBody } from "@/lib/http/zod-body";

const body = z.object({
  token: z.string().min(1, "token is required").max(200, "token: too long"),
  name: z.string().trim().max(100, "at most 100 characters").default(""),
  email: z.email("enter an email address such as you@example.com").transform((e) => e.trim().toLowerCase()),
  password: z.string().min(8, "use at least 8 characters").max(128, "use at most 128 characters"),
}).strict();

/**
 * A newcomer's account, made through an invite (there is no open sign-up): the account and
 * the membership are made together, or neither. The browser signs in next, as after /setup.
 */
export async function POST(req: Request) {
  if (!isSameOrigin(req)) return jsonError(403, "cross-site request refused");
  const parsed = await parseJsonBody(req, body);
  if (!parsed.ok) return parsed.response;
  const { token, name, email, password } = parsed.data;
  const found = await inviteByToken(token);
  if (!found || found.invite.state !== "pending") return jsonError(410, "this invite link is not valid any more: ask an admin for a new one");
  if (found.invite.email && found.invite.email !== email) return jsonError(400, `email: this invite is for ${found.invite.email}`, { field: "email" });
  if (await findUserByEmail(email)) return jsonError(409, "email: an account with this email exists: sign in to accept the invite", { field: "email" });
  let user;
  try {
    user = await createPasswordAccount({ email, password, name }, "member");
  } catch (err) {
    if (err instanceof OwnerError) return jsonError(400, err.message, { field: "password" });
    throw err;
  }
  try {
    const { project, role } = await acceptInvite(token, user);
    await recordActivity({ project, actor: { id: user.id, email: user.email }, action: "invite.accepted", target: user.email, detail: { role, newAccount: true } });
    return Response.json({ project: { slug: project.slug, name: project.name }, role }, { status: 201 });
  } catch (err) {
    await deleteUser(user.id);
    if (err instanceof InviteError) return jsonError(410, err.message);
    throw err;
  }
}

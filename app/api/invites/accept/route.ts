import { z } from "zod";
import { recordActivity } from "@/lib/db/activity";
import { acceptInvite, InviteError } from "@/lib/db/invites";
import { requireUser } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";
import { parseJsonBody } from "@/lib/http/zod-body";

const body = z.object({ token: z.string().min(1, "token is required").max(200, "token: too long") }).strict();

/** `{ token }`: the signed-in user joins the invite's project. */
export async function POST(req: Request) {
  const auth = await requireUser(req);
  if (!auth.ok) return auth.response;
  const parsed = await parseJsonBody(req, body);
  if (!parsed.ok) return parsed.response;
  try {
    const { project, role } = await acceptInvite(parsed.data.token, auth.user);
    await recordActivity({ project, actor: { id: auth.user.id, email: auth.user.email }, action: "invite.accepted", target: auth.user.email, detail: { role } });
    return Response.json({ project: { slug: project.slug, name: project.name }, role });
  } catch (err) {
    if (err instanceof InviteError) return jsonError(410, err.message);
    throw err;
  }
}

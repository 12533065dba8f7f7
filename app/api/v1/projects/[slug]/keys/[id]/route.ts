import { recordActivity } from "@/lib/db/activity";
import { revokeApiKey } from "@/lib/db/api-keys";
import { actorOf, authorize } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";

type Ctx = { params: Promise<{ slug: string; id: string }> };

/** Revokes a key: requests with it get 401 from then on. */
export async function DELETE(req: Request, ctx: Ctx) {
  const { slug, id } = await ctx.params;
  const auth = await authorize(req, { slug, need: "admin" });
  if (!auth.ok) return auth.response;
  const revoked = /^\d+$/.test(id) ? await revokeApiKey(auth.projectId, Number(id)) : null;
  if (!revoked) return jsonError(404, `no active key ${id} in project "${slug}"`);
  await recordActivity({ project: auth.project, actor: actorOf(auth), action: "key.revoked", target: `${revoked.name} (${revoked.prefix}…)` });
  return new Response(null, { status: 204 });
}

import { deleteShortLink, getShortLink } from "@/lib/db/short-links";
import { authorize } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";

type Ctx = { params: Promise<{ id: string }> };

/** Its creator or an admin of the project; keys never. Everyone who opens it gets 404 after. */
export async function DELETE(req: Request, ctx: Ctx) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  if (!auth.user) return jsonError(403, "API keys only ingest and read: deleting a short link needs a signed-in member");
  const { id } = await ctx.params;
  const link = await getShortLink(id);
  if (!link || link.projectId !== auth.projectId) return jsonError(404, `short link ${id} not found in project "${auth.project.slug}"`);
  if (link.createdBy !== auth.user.id && auth.role !== "admin") {
    return jsonError(403, `only its creator (${link.createdByEmail}) or an admin of "${auth.project.slug}" can delete this short link`);
  }
  await deleteShortLink(auth.projectId, id);
  return new Response(null, { status: 204 });
}

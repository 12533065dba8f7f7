import { revokeApiKey } from "@/lib/db/api-keys";
import { authorize } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";

async function keyId(ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return /^\d+$/.test(id) ? Number(id) : null;
}

/** Revokes a key: ingest with it gets a 401 from then on. */
export async function DELETE(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  const id = await keyId(ctx);
  if (id === null || !(await revokeApiKey(auth.projectId, id))) return jsonError(404, "no such active key");
  return new Response(null, { status: 204 });
}

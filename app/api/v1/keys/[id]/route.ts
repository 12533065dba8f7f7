import { hideRevealableKey, revokeApiKey } from "@/lib/db/api-keys";
import { readerProject } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";

async function keyId(ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return /^\d+$/.test(id) ? Number(id) : null;
}

/** Revokes a key: ingest with it gets a 401 from then on. */
export async function DELETE(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await readerProject(req);
  if (!auth.ok) return auth.response;
  const id = await keyId(ctx);
  if (id === null || !(await revokeApiKey(auth.projectId, id))) return jsonError(404, "no such active key");
  return new Response(null, { status: 204 });
}

/** `{ "hideKey": true }` stops Settings from showing the generated first key. */
export async function PATCH(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await readerProject(req);
  if (!auth.ok) return auth.response;
  const id = await keyId(ctx);
  const body = (await req.json().catch(() => null)) as { hideKey?: unknown } | null;
  if (id === null) return jsonError(404, "no such key");
  if (body?.hideKey !== true) return jsonError(400, 'body: expected { "hideKey": true }');
  await hideRevealableKey(auth.projectId, id);
  return new Response(null, { status: 204 });
}

import { recordActivity } from "@/lib/db/activity";
import { createApiKey, listApiKeys } from "@/lib/db/api-keys";
import { actorOf, authorize } from "@/lib/http/auth";
import { createKeyBody } from "@/lib/http/team-bodies";
import { parseJsonBody } from "@/lib/http/zod-body";

type Ctx = { params: Promise<{ slug: string }> };

export async function GET(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { slug: (await ctx.params).slug, need: "admin" });
  if (!auth.ok) return auth.response;
  return Response.json({ keys: await listApiKeys(auth.projectId) });
}

/** `{ name, scopes }` -> `{ id, key, prefix, scopes }`: the key in clear, the only time it is ever shown. */
export async function POST(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { slug: (await ctx.params).slug, need: "admin" });
  if (!auth.ok) return auth.response;
  const body = await parseJsonBody(req, createKeyBody);
  if (!body.ok) return body.response;
  const actor = actorOf(auth);
  const { key, row } = await createApiKey(auth.projectId, body.data.name, { scopes: body.data.scopes, createdBy: actor.id });
  await recordActivity({ project: auth.project, actor, action: "key.created", target: `${row.name} (${row.prefix}…)`, detail: { scopes: row.scopes } });
  return Response.json({ id: row.id, key, prefix: row.prefix, scopes: row.scopes, apiKey: row }, { status: 201 });
}

import { deleteSavedFunnel, getSavedFunnel, updateSavedFunnel } from "@/lib/db/saved-funnels";
import { authorize } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";
import { patchSavedFunnelBody, savedFunnelProblem } from "@/lib/http/saved-funnel-body";

type Ctx = { params: Promise<{ id: string }> };
const notFound = (id: string) => jsonError(404, `saved funnel ${id} not found`);
const view = ({ projectId: _p, ...row }: { projectId: number } & Record<string, unknown>) => (void _p, row);

export async function GET(req: Request, ctx: Ctx) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  const { id } = await ctx.params;
  const row = await getSavedFunnel(auth.projectId, id);
  return row ? Response.json(view(row)) : notFound(id);
}

export async function PATCH(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { need: "editor" });
  if (!auth.ok) return auth.response;
  const { id } = await ctx.params;
  const parsed = patchSavedFunnelBody.safeParse(await req.json().catch(() => null));
  const problem = savedFunnelProblem(parsed);
  if (problem || !parsed.success) return jsonError(400, problem?.error ?? "body: invalid", problem ?? {});
  const row = await updateSavedFunnel(auth.projectId, id, parsed.data);
  return row ? Response.json(view(row)) : notFound(id);
}

export async function DELETE(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { need: "editor" });
  if (!auth.ok) return auth.response;
  const { id } = await ctx.params;
  return (await deleteSavedFunnel(auth.projectId, id)) ? new Response(null, { status: 204 }) : notFound(id);
}

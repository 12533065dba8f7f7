import { deleteSavedFilter, getSavedFilter, updateSavedFilter } from "@/lib/db/saved-filters";
import { authorize } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";
import { patchSavedFilterBody, savedFilterProblem } from "@/lib/http/saved-filter-body";
import { withQueryStatus } from "@/lib/http/saved-filter-view";

type Ctx = { params: Promise<{ id: string }> };
const notFound = (id: string) => jsonError(404, `saved filter ${id} not found`);

export async function GET(req: Request, ctx: Ctx) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  const { id } = await ctx.params;
  const row = await getSavedFilter(auth.projectId, id);
  return row ? Response.json(withQueryStatus(row)) : notFound(id);
}

export async function PATCH(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { need: "editor" });
  if (!auth.ok) return auth.response;
  const { id } = await ctx.params;
  const parsed = patchSavedFilterBody.safeParse(await req.json().catch(() => null));
  const problem = savedFilterProblem(parsed);
  if (problem || !parsed.success) return jsonError(400, problem?.error ?? "body: invalid", problem ?? {});
  const row = await updateSavedFilter(auth.projectId, id, parsed.data);
  return row ? Response.json(withQueryStatus(row)) : notFound(id);
}

export async function DELETE(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { need: "editor" });
  if (!auth.ok) return auth.response;
  const { id } = await ctx.params;
  return (await deleteSavedFilter(auth.projectId, id)) ? new Response(null, { status: 204 }) : notFound(id);
}

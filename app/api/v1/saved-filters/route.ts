import { createSavedFilter, listSavedFilters } from "@/lib/db/saved-filters";
import { authorize } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";
import { createSavedFilterBody, savedFilterProblem } from "@/lib/http/saved-filter-body";
import { withQueryStatus } from "@/lib/http/saved-filter-view";

export async function GET(req: Request) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  return Response.json({ filters: (await listSavedFilters(auth.projectId)).map(withQueryStatus) });
}

export async function POST(req: Request) {
  const auth = await authorize(req, { need: "editor" });
  if (!auth.ok) return auth.response;
  const parsed = createSavedFilterBody.safeParse(await req.json().catch(() => null));
  const problem = savedFilterProblem(parsed);
  if (problem || !parsed.success) return jsonError(400, problem?.error ?? "body: invalid", problem ?? {});
  const row = await createSavedFilter(auth.projectId, parsed.data);
  return Response.json(withQueryStatus(row), { status: 201 });
}

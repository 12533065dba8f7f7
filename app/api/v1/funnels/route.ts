import { createSavedFunnel, listSavedFunnels } from "@/lib/db/saved-funnels";
import { authorize } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";
import { createSavedFunnelBody, savedFunnelProblem } from "@/lib/http/saved-funnel-body";

const view = ({ projectId: _p, ...row }: { projectId: number } & Record<string, unknown>) => (void _p, row);

/** Saved funnels: list and create. */
export async function GET(req: Request) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  return Response.json({ funnels: (await listSavedFunnels(auth.projectId)).map(view) });
}

export async function POST(req: Request) {
  const auth = await authorize(req, { need: "editor" });
  if (!auth.ok) return auth.response;
  const parsed = createSavedFunnelBody.safeParse(await req.json().catch(() => null));
  const problem = savedFunnelProblem(parsed);
  if (problem || !parsed.success) return jsonError(400, problem?.error ?? "body: invalid", problem ?? {});
  return Response.json(view(await createSavedFunnel(auth.projectId, parsed.data)), { status: 201 });
}

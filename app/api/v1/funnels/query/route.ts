import { authorize } from "@/lib/http/auth";
import { badRequestResponse, jsonError } from "@/lib/http/errors";
import { bodyProblem, funnelBody, toFunnelQuery } from "@/lib/http/funnel-body";
import { getSpanStore } from "@/lib/spans";

/** `POST { steps: [TraceQL], by, window, start, end, breakdown? }` -> per-step counts. */
export async function POST(req: Request) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  const parsed = funnelBody.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return jsonError(400, bodyProblem(parsed.error));
  try {
    const store = await getSpanStore();
    return Response.json(await store.queryFunnel(toFunnelQuery(parsed.data, auth.projectId)));
  } catch (err) {
    const bad = badRequestResponse(err, "steps");
    if (bad) return bad;
    throw err;
  }
}

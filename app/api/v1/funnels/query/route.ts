import { readerProject } from "@/lib/http/auth";
import { BadRequestError, jsonError } from "@/lib/http/errors";
import { bodyProblem, funnelBody, toFunnelQuery } from "@/lib/http/funnel-body";
import { QueryError } from "@/lib/http/search-params";
import { getSpanStore } from "@/lib/spans";

/** `POST { steps: [TraceQL], by, window, start, end, breakdown? }` -> per-step counts. */
export async function POST(req: Request) {
  const auth = await readerProject(req);
  if (!auth.ok) return auth.response;
  const parsed = funnelBody.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return jsonError(400, bodyProblem(parsed.error));
  try {
    const store = await getSpanStore();
    return Response.json(await store.queryFunnel(toFunnelQuery(parsed.data, auth.projectId, (await store.layout()).columns)));
  } catch (err) {
    if (err instanceof QueryError) return jsonError(400, err.message, { from: err.from, to: err.to });
    if (err instanceof BadRequestError) return jsonError(400, err.message);
    throw err;
  }
}

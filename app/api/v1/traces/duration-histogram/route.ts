import { authorize } from "@/lib/http/auth";
import { badRequestResponse } from "@/lib/http/errors";
import { parseSearchParams } from "@/lib/http/search-params";
import { getSpanStore } from "@/lib/spans";

/** Trace durations of a search (same `q` and range as `GET /api/v1/traces`), log-bucketed. */
export async function GET(req: Request) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  try {
    const store = await getSpanStore();
    const { projectId, q, startNs, endNs } = parseSearchParams(new URL(req.url).searchParams, auth.projectId);
    return Response.json(await store.durationHistogram({ projectId, q, startNs, endNs }));
  } catch (err) {
    const bad = badRequestResponse(err);
    if (bad) return bad;
    throw err;
  }
}

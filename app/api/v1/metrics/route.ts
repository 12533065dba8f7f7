import { authorize } from "@/lib/http/auth";
import { badRequestResponse } from "@/lib/http/errors";
import { parseMetricsParams } from "@/lib/http/metrics-params";
import { getSpanStore } from "@/lib/spans";

/**
 * `GET /api/v1/metrics?q=&measure=&groupBy=a,b&start=&end=&since=&step=&top=`: a measure of
 * the spans matching `q`, per group and time bucket, plus each group's total over the range.
 */
export async function GET(req: Request) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  try {
    const store = await getSpanStore();
    const query = parseMetricsParams(new URL(req.url).searchParams, auth.projectId);
    return Response.json(await store.queryMetrics(query));
  } catch (err) {
    const bad = badRequestResponse(err);
    if (bad) return bad;
    throw err;
  }
}

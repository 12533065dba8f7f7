import { authorize } from "@/lib/http/auth";
import { badRequestResponse } from "@/lib/http/errors";
import { parseMetricsRequest } from "@/lib/http/metrics-params";
import { runMetricsRequest } from "@/lib/metrics/run-plan";
import { getSpanStore } from "@/lib/spans";

/**
 * `GET /api/v1/metrics?q=&measure=&groupBy=a,b&start=&end=&since=&step=&top=`: a measure of
 * the spans matching `q`, per group and time bucket, plus each group's total over the range.
 * `q` may instead be a TraceQL metrics query (`{ } | rate() by (name)`), which replaces
 * measure and groupBy.
 */
export async function GET(req: Request) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  try {
    const store = await getSpanStore();
    const request = parseMetricsRequest(new URL(req.url).searchParams, auth.projectId);
    return Response.json(await runMetricsRequest((q) => store.queryMetrics(q), request));
  } catch (err) {
    const bad = badRequestResponse(err);
    if (bad) return bad;
    throw err;
  }
}

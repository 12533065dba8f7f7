import { readerProject } from "@/lib/http/auth";
import { BadRequestError, jsonError } from "@/lib/http/errors";
import { parseMetricsParams } from "@/lib/http/metrics-params";
import { QueryError } from "@/lib/http/search-params";
import { getSpanStore } from "@/lib/spans";

/**
 * `GET /api/v1/metrics?q=&measure=&groupBy=a,b&start=&end=&since=&step=&top=`: a measure of
 * the spans matching `q`, per group and time bucket, plus each group's total over the range.
 */
export async function GET(req: Request) {
  const auth = await readerProject(req);
  if (!auth.ok) return auth.response;
  try {
    const store = await getSpanStore();
    const query = parseMetricsParams(new URL(req.url).searchParams, auth.projectId, (await store.layout()).columns);
    return Response.json(await store.queryMetrics(query));
  } catch (err) {
    if (err instanceof QueryError) return jsonError(400, err.message, { from: err.from, to: err.to });
    if (err instanceof BadRequestError) return jsonError(400, err.message);
    throw err;
  }
}

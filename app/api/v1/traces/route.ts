import { readerProject } from "@/lib/http/auth";
import { BadRequestError, jsonError } from "@/lib/http/errors";
import { handleIngest } from "@/lib/http/ingest-handler";
import { nowNs, parseLimit, parseSinceParam, parseTimeParam } from "@/lib/http/time-params";
import { getSpanStore } from "@/lib/spans";
import { decodeCursor } from "@/lib/spans/cursor";

/** Noveum SDKs post to `<endpoint>/v1/traces` with endpoints ending in `/api`. */
export const POST = handleIngest;

export async function GET(req: Request) {
  const auth = await readerProject(req);
  if (!auth.ok) return auth.response;
  const params = new URL(req.url).searchParams;
  try {
    if (params.get("q")) throw new BadRequestError("q", "TraceQL search is not available yet");
    const since = parseSinceParam(params.get("since"), nowNs());
    const page = await (await getSpanStore()).listTraces({
      projectId: auth.projectId,
      limit: parseLimit(params.get("limit"), 50, 1000),
      startNs: parseTimeParam("start", params.get("start")) ?? since,
      endNs: parseTimeParam("end", params.get("end")),
      cursor: parseCursor(params.get("cursor")),
    });
    return Response.json(page);
  } catch (err) {
    if (err instanceof BadRequestError) return jsonError(400, err.message);
    throw err;
  }
}

function parseCursor(raw: string | null) {
  if (!raw) return undefined;
  const cursor = decodeCursor(raw);
  if (!cursor) throw new BadRequestError("cursor", "not a cursor returned by this API");
  return cursor;
}

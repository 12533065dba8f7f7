import { authorize } from "@/lib/http/auth";
import { badRequestResponse } from "@/lib/http/errors";
import { handleIngest } from "@/lib/http/ingest-handler";
import { parseSearchParams } from "@/lib/http/search-params";
import { getSpanStore } from "@/lib/spans";

/** Noveum SDKs post to `<endpoint>/v1/traces` with endpoints ending in `/api`. */
export const POST = handleIngest;

/** Trace search: TraceQL `q`, a time range, sort and paging; newest first by default. */
export async function GET(req: Request) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  try {
    const store = await getSpanStore();
    const query = parseSearchParams(new URL(req.url).searchParams, auth.projectId);
    return Response.json(await store.searchTraces(query));
  } catch (err) {
    const bad = badRequestResponse(err);
    if (bad) return bad;
    throw err;
  }
}

import { authorize } from "@/lib/http/auth";
import { compareBody, toCompareQuery } from "@/lib/http/compare-body";
import { badRequestResponse, jsonError } from "@/lib/http/errors";
import { bodyProblem } from "@/lib/http/funnel-body";
import { getSpanStore } from "@/lib/spans";

/** `POST { selection, baseline?, start, end, baselineStart?, baselineEnd?, weightBy? }` -> how the selection's attributes differ from the baseline's. */
export async function POST(req: Request) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  const parsed = compareBody.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return jsonError(400, bodyProblem(parsed.error));
  try {
    const query = toCompareQuery(parsed.data, auth.projectId);
    const store = await getSpanStore();
    return Response.json(await store.compareGroups(query));
  } catch (err) {
    const bad = badRequestResponse(err, "selection");
    if (bad) return bad;
    throw err;
  }
}

import { z } from "zod";
import { authorize } from "@/lib/http/auth";
import { badRequestResponse, jsonError } from "@/lib/http/errors";
import { bodyProblem, funnelBody, toFunnelQuery } from "@/lib/http/funnel-body";
import { getSpanStore } from "@/lib/spans";

const dropOffBody = funnelBody.extend({ step: z.number().int().min(0), limit: z.number().int().min(1).max(1000).default(100) });

/** The entities (and their traces) that reached `step` (0-based) and did not go on. */
export async function POST(req: Request) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  const parsed = dropOffBody.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return jsonError(400, bodyProblem(parsed.error));
  const { step, limit, ...funnel } = parsed.data;
  if (step >= funnel.steps.length - 1) return jsonError(400, `step: must be below the last step (${funnel.steps.length - 1})`);
  try {
    const store = await getSpanStore();
    return Response.json(await store.funnelDropOff(toFunnelQuery(funnel, auth.projectId), step, limit));
  } catch (err) {
    const bad = badRequestResponse(err, "steps");
    if (bad) return bad;
    throw err;
  }
}

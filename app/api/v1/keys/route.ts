import { z } from "zod";
import { createApiKey, listApiKeys } from "@/lib/db/api-keys";
import { authorize } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";

export async function GET(req: Request) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  return Response.json({ keys: await listApiKeys(auth.projectId) });
}

const createBody = z.object({ name: z.string().trim().min(1, "name is required").max(100, "at most 100 characters") });

/** Returns the new key in full: the only time it is ever shown. */
export async function POST(req: Request) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  const parsed = createBody.safeParse(await req.json().catch(() => null));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return jsonError(400, `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  const { key, row } = await createApiKey(auth.projectId, parsed.data.name);
  return Response.json({ key, apiKey: row }, { status: 201 });
}

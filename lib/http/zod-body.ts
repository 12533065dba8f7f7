import type { z } from "zod";
import { jsonError } from "./errors";
import { readJsonBody } from "./read-json-body";

/** A JSON body checked against `schema`; the 400 names the first field that is wrong. */
export async function parseJsonBody<S extends z.ZodType>(
  req: Request,
  schema: S,
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> {
  const body = await readJsonBody(req);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, response: jsonError(400, `${issue.path.join(".") || "body"}: ${issue.message}`) };
}

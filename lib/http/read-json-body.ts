import { jsonError } from "./errors";

/** A state-changing request's JSON body (`authorize` already refused other content types with 415). */
export async function readJsonBody(req: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  try {
    return { ok: true, body: await req.json() };
  } catch (err) {
    return { ok: false, response: jsonError(400, `body: invalid JSON: ${(err as Error).message}`) };
  }
}

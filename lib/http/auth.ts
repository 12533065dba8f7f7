import { sessionUser, type SessionUser } from "@/lib/auth/server";
import { authenticateKey } from "@/lib/db/api-keys";
import { ensureDefaultProject } from "@/lib/db/projects";
import { jsonError } from "./errors";
import { isSameOrigin } from "./origin";

/** The key a request presents: `Authorization: Bearer <key>` or `x-api-key: <key>`. */
export function presentedKey(req: Request): string | null {
  const auth = req.headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    return m ? m[1].trim() : null;
  }
  return req.headers.get("x-api-key")?.trim() || null;
}

/** Who made a request: a signed-in person, or a script holding an API key. */
export type Caller = { user: SessionUser; key?: undefined } | { key: { id: number }; user?: undefined };

export type AuthResult = ({ ok: true; projectId: number } & Caller) | { ok: false; response: Response };

const unauthorized = (error: string) =>
  ({ ok: false, response: Response.json({ error }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } }) }) as const;

const refuse = (status: number, error: string) => ({ ok: false, response: jsonError(status, error) }) as const;

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Ingest always needs a key; the key decides the project. */
export async function requireKey(req: Request): Promise<AuthResult> {
  await ensureDefaultProject();
  const key = presentedKey(req);
  if (!key) return unauthorized("missing API key: send 'Authorization: Bearer <key>' or 'x-api-key: <key>'");
  const hit = await authenticateKey(key);
  if (!hit) return unauthorized("unknown or revoked API key");
  return { ok: true, projectId: hit.projectId, key: { id: hit.keyId } };
}

/** A body that is not JSON: 415, which also keeps other sites' form posts (text/plain) out. */
function nonJsonBody(req: Request): Response | null {
  if (!STATE_CHANGING.has(req.method)) return null;
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const hasBody = Number(req.headers.get("content-length") ?? 0) > 0 || req.headers.has("transfer-encoding");
  if (type === "application/json" || (!type && !hasBody)) return null;
  return jsonError(415, `send the body as application/json (got ${type ? `"${type}"` : "no Content-Type"})`);
}

/**
 * Every `/api/v1` route but ingest starts here. A request carries an API key (scripts) or
 * the session cookie (the dashboard); without either it gets 401. A state-changing request
 * authenticated by the cookie must come from our own pages (403 otherwise): the browser
 * attaches the cookie to other sites' requests too, but never an API key. Bodies are JSON.
 */
export async function authorize(req: Request): Promise<AuthResult> {
  const badBody = nonJsonBody(req);
  if (presentedKey(req)) {
    const auth = await requireKey(req);
    return auth.ok && badBody ? { ok: false, response: badBody } : auth;
  }
  const user = await sessionUser(req.headers);
  if (!user) return unauthorized("sign in, or send an API key as 'Authorization: Bearer <key>' or 'x-api-key: <key>'");
  if (STATE_CHANGING.has(req.method) && !isSameOrigin(req)) {
    return refuse(403, "cross-site request refused: a signed-in change must come from this app's own pages");
  }
  if (badBody) return { ok: false, response: badBody };
  const project = await ensureDefaultProject();
  return { ok: true, projectId: project.id, user };
}

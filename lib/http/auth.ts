import { authenticateKey } from "@/lib/db/api-keys";
import { ensureDefaultProject } from "@/lib/db/projects";

/** The key a request presents: `Authorization: Bearer <key>` or `x-api-key: <key>`. */
export function presentedKey(req: Request): string | null {
  const auth = req.headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    return m ? m[1].trim() : null;
  }
  return req.headers.get("x-api-key")?.trim() || null;
}

export type AuthResult = { ok: true; projectId: number } | { ok: false; response: Response };

const unauthorized = (error: string) =>
  ({ ok: false, response: Response.json({ error }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } }) }) as const;

/** Ingest always needs a key; the key decides the project. */
export async function requireKey(req: Request): Promise<AuthResult> {
  await ensureDefaultProject();
  const key = presentedKey(req);
  if (!key) return unauthorized("missing API key: send 'Authorization: Bearer <key>' or 'x-api-key: <key>'");
  const hit = await authenticateKey(key);
  if (!hit) return unauthorized("unknown or revoked API key");
  return { ok: true, projectId: hit.projectId };
}

/**
 * Reads accept the same keys (for scripts). Without a key the request comes from the
 * dashboard, which has no login yet and reads the default project.
 */
export async function readerProject(req: Request): Promise<AuthResult> {
  const project = await ensureDefaultProject();
  if (!presentedKey(req)) return { ok: true, projectId: project.id };
  return requireKey(req);
}

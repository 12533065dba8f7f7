import { blockedFor, recordFailure, tooManyFailures } from "@/lib/auth/failure-limiter";
import { clientAddress } from "@/lib/auth/client-address";
import { PROJECT_COOKIE, PROJECT_PARAM } from "@/lib/auth/project-cookie";
import { roleAllows, type Role, type Scope } from "@/lib/auth/roles";
import { sessionUser, type SessionUser } from "@/lib/auth/server";
import { authenticateKey, type KeyHit } from "@/lib/db/api-keys";
import { memberRole } from "@/lib/db/members";
import { DEFAULT_PROJECT, ensureDefaultProject, getProjectById, getProjectBySlug } from "@/lib/db/projects";
import type { Project } from "@/lib/db/schema";
import { OWNER_ROLE } from "@/lib/db/users";
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
export type Caller = { user: SessionUser; key?: undefined } | { key: KeyHit; user?: undefined };

type Refusal = { ok: false; response: Response };
export type KeyAuth = { ok: true; projectId: number; key: KeyHit } | Refusal;
/** A caller allowed into one project, with the role they act with there. */
export type AuthResult = ({ ok: true; project: Project; projectId: number; role: Role } & Caller) | Refusal;
export type UserAuth = { ok: true; user: SessionUser } | Refusal;

const unauthorized = (error: string): Refusal => ({
  ok: false,
  response: Response.json({ error }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } }),
});
const refuse = (status: number, error: string): Refusal => ({ ok: false, response: jsonError(status, error) });

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const ASK = "ask an admin of the project for access";

export const isOwner = (user: SessionUser) => user.role === OWNER_ROLE;

/**
 * A key, checked for `scope`. Wrong keys count against the sender's address, which gets
 * 429 after too many (lib/auth/failure-limiter.ts).
 */
export async function requireKey(req: Request, scope: Scope): Promise<KeyAuth> {
  const key = presentedKey(req);
  if (!key) return unauthorized("missing API key: send 'Authorization: Bearer <key>' or 'x-api-key: <key>'");
  const from = "addr:" + clientAddress(req.headers);
  const wait = blockedFor(from);
  if (wait) return { ok: false, response: tooManyFailures(wait) };
  await ensureDefaultProject();
  const hit = await authenticateKey(key);
  if (!hit) {
    recordFailure(from);
    return unauthorized("unknown or revoked API key");
  }
  if (!hit.scopes.includes(scope)) return refuse(403, `this API key lacks the "${scope}" scope: create a key with it in Settings`);
  return { ok: true, projectId: hit.projectId, key: hit };
}

/** A body that is not JSON: 415, which also keeps other sites' form posts (text/plain) out. */
function nonJsonBody(req: Request): Response | null {
  if (!STATE_CHANGING.has(req.method)) return null;
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const hasBody = Number(req.headers.get("content-length") ?? 0) > 0 || req.headers.has("transfer-encoding");
  if (type === "application/json" || (!type && !hasBody)) return null;
  return jsonError(415, `send the body as application/json (got ${type ? `"${type}"` : "no Content-Type"})`);
}

function cookieValue(req: Request, name: string): string | null {
  for (const part of (req.headers.get("cookie") ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

/** The project a signed-in request means: the route's slug, else `?project=`, else the browser's last, else `default`. */
function requestedSlug(req: Request, slug: string | undefined): string {
  return slug ?? new URL(req.url).searchParams.get(PROJECT_PARAM) ?? cookieValue(req, PROJECT_COOKIE) ?? DEFAULT_PROJECT;
}

/**
 * The signed-in user of a request, with the checks every session route shares: a
 * state-changing request must come from our own pages (403 otherwise; the browser attaches
 * the cookie to other sites' requests too, but never an API key) and bodies are JSON.
 */
export async function requireUser(req: Request): Promise<UserAuth> {
  const user = await sessionUser(req.headers);
  if (!user) return unauthorized("sign in, or send an API key as 'Authorization: Bearer <key>' or 'x-api-key: <key>'");
  if (STATE_CHANGING.has(req.method) && !isSameOrigin(req)) {
    return refuse(403, "cross-site request refused: a signed-in change must come from this app's own pages");
  }
  const badBody = nonJsonBody(req);
  if (badBody) return { ok: false, response: badBody };
  return { ok: true, user };
}

/** The role a user has in a project: the instance owner is admin everywhere. */
export async function roleIn(user: SessionUser, projectId: number): Promise<Role | null> {
  return isOwner(user) ? "admin" : memberRole(projectId, user.id);
}

const WHAT_NEEDS: Record<Role, string> = { viewer: "reading", editor: "saving", admin: "administering the project" };

/**
 * Every `/api/v1` route but ingest starts here. A request carries an API key (scripts) or
 * the session cookie (the dashboard); without either it gets 401. Keys reach only their
 * own project and only read: saving needs a signed-in editor, and nothing a key does can
 * administer. A person reaches the projects they are a member of, with their role there.
 */
export async function authorize(req: Request, opts: { need?: Role; slug?: string } = {}): Promise<AuthResult> {
  const need = opts.need ?? "viewer";
  if (presentedKey(req)) {
    const auth = await requireKey(req, "read");
    if (!auth.ok) return auth;
    if (need !== "viewer") {
      return refuse(403, `API keys only ingest and read: ${WHAT_NEEDS[need]} needs a signed-in ${need}`);
    }
    const badBody = nonJsonBody(req);
    if (badBody) return { ok: false, response: badBody };
    const project = (await getProjectById(auth.projectId))!;
    const named = opts.slug ?? new URL(req.url).searchParams.get(PROJECT_PARAM);
    if (named && named !== project.slug) return refuse(403, `this API key belongs to another project and cannot reach "${named}"`);
    return { ok: true, project, projectId: project.id, role: "viewer", key: auth.key };
  }
  const auth = await requireUser(req);
  if (!auth.ok) return auth;
  const { user } = auth;
  await ensureDefaultProject();
  const slug = requestedSlug(req, opts.slug);
  const project = await getProjectBySlug(slug);
  const role = project ? await roleIn(user, project.id) : null;
  if (!project || !role) {
    return isOwner(user) ? refuse(404, `no project "${slug}"`) : refuse(403, `you are not a member of project "${slug}": ${ASK}`);
  }
  if (!roleAllows(role, need)) return refuse(403, `your role in "${project.slug}" is ${role}: ${WHAT_NEEDS[need]} needs ${need}`);
  return { ok: true, project, projectId: project.id, role, user };
}

/** Instance-level changes (creating projects): the signed-in instance owner only. */
export async function requireOwner(req: Request): Promise<UserAuth> {
  if (presentedKey(req)) return refuse(403, "API keys cannot administer: sign in as the instance owner");
  const auth = await requireUser(req);
  if (!auth.ok) return auth;
  if (!isOwner(auth.user)) return refuse(403, "only the instance owner can do this");
  return auth;
}

/** The actor an activity entry names. */
export function actorOf(auth: Caller): { id?: string; email: string } {
  return auth.user ? { id: auth.user.id, email: auth.user.email } : { email: `API key #${auth.key.keyId}` };
}

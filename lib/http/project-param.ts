import { getProjectByName } from "@/lib/db/projects";
import type { Project } from "@/lib/db/schema";
import { authorize } from "./auth";
import { jsonError } from "./errors";

export type ProjectAuth = { ok: true; project: Project } | { ok: false; response: Response };

/**
 * The project a `/projects/{slug}` route names, after `authorize`. A key may only reach its
 * own project; a signed-in user works on `default` (the only project until projects land).
 */
export async function projectFromSlug(req: Request, slug: string): Promise<ProjectAuth> {
  const auth = await authorize(req);
  if (!auth.ok) return auth;
  const project = await getProjectByName(slug);
  if (!project) return { ok: false, response: jsonError(404, `no project "${slug}"`) };
  if (project.id !== auth.projectId) return { ok: false, response: jsonError(403, `this key cannot reach project "${slug}"`) };
  return { ok: true, project };
}

/** A state-changing request's JSON body (`authorize` already refused other content types with 415). */
export async function readJsonBody(req: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") {
    return { ok: false, response: jsonError(415, `send the body as application/json (got ${type ? `"${type}"` : "no Content-Type"})`) };
  }
  try {
    return { ok: true, body: await req.json() };
  } catch (err) {
    return { ok: false, response: jsonError(400, `body: invalid JSON: ${(err as Error).message}`) };
  }
}

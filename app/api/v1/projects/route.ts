import { recordActivity } from "@/lib/db/activity";
import { membershipsOf } from "@/lib/db/members";
import { createProject, ensureDefaultProject, getProjectById, listProjects, ProjectNameTaken, projectsByIds } from "@/lib/db/projects";
import type { Project } from "@/lib/db/schema";
import { actorOf, isOwner, presentedKey, requireKey, requireOwner, requireUser } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";
import { createProjectBody } from "@/lib/http/team-bodies";
import { parseJsonBody } from "@/lib/http/zod-body";

const view = (p: Project, role: string) => ({ id: p.id, slug: p.slug, name: p.name, role, createdAt: p.createdAt });

/** The projects the caller can open: a person's memberships (all of them for the owner), a key's own project. */
export async function GET(req: Request) {
  if (presentedKey(req)) {
    const auth = await requireKey(req, "read");
    if (!auth.ok) return auth.response;
    return Response.json({ projects: [view((await getProjectById(auth.projectId))!, "viewer")] });
  }
  const auth = await requireUser(req);
  if (!auth.ok) return auth.response;
  await ensureDefaultProject();
  if (isOwner(auth.user)) return Response.json({ projects: (await listProjects()).map((p) => view(p, "admin")) });
  const mine = await membershipsOf(auth.user.id);
  const roles = new Map(mine.map((m) => [m.projectId, m.role]));
  return Response.json({ projects: (await projectsByIds([...roles.keys()])).map((p) => view(p, roles.get(p.id)!)) });
}

/** `{ name }` -> `{ id, slug, name }`; the instance owner only, who becomes its admin. */
export async function POST(req: Request) {
  const auth = await requireOwner(req);
  if (!auth.ok) return auth.response;
  const body = await parseJsonBody(req, createProjectBody);
  if (!body.ok) return body.response;
  try {
    const project = await createProject(body.data.name, auth.user.id);
    await recordActivity({ project, actor: actorOf(auth), action: "project.created", target: project.slug, detail: { name: project.name } });
    return Response.json(view(project, "admin"), { status: 201 });
  } catch (err) {
    if (err instanceof ProjectNameTaken) return jsonError(409, err.message);
    throw err;
  }
}

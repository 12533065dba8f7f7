import { recordActivity } from "@/lib/db/activity";
import { accessibleProjects } from "@/lib/auth/accessible-projects";
import { createProject, getProjectById, ProjectNameTaken } from "@/lib/db/projects";
import type { Project } from "@/lib/db/schema";
import { actorOf, presentedKey, requireKey, requireOwner, requireUser } from "@/lib/http/auth";
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
  return Response.json({ projects: (await accessibleProjects(auth.user)).map(({ project, role }) => view(project, role)) });
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

import { membershipsOf } from "@/lib/db/members";
import { ensureDefaultProject, listProjects, projectsByIds } from "@/lib/db/projects";
import type { Project } from "@/lib/db/schema";
import { OWNER_ROLE } from "@/lib/db/users";
import type { Role } from "./roles";
import type { SessionUser } from "./server";

/** The projects a person can open, oldest first, with their role in each (the owner: all, as admin). */
export async function accessibleProjects(user: SessionUser): Promise<{ project: Project; role: Role }[]> {
  await ensureDefaultProject();
  if (user.role === OWNER_ROLE) return (await listProjects()).map((project) => ({ project, role: "admin" as const }));
  const roles = new Map((await membershipsOf(user.id)).map((m) => [m.projectId, m.role]));
  return (await projectsByIds([...roles.keys()])).map((project) => ({ project, role: roles.get(project.id)! }));
}

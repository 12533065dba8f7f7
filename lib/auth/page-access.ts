import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { membershipsOf } from "@/lib/db/members";
import { ensureDefaultProject, getProjectBySlug, listProjects, projectsByIds } from "@/lib/db/projects";
import type { Project } from "@/lib/db/schema";
import { OWNER_ROLE } from "@/lib/db/users";
import { PROJECT_HEADER } from "./project-cookie";
import type { Role } from "./roles";
import { sessionUser, type SessionUser } from "./server";

export interface ProjectChoice {
  slug: string;
  name: string;
  role: Role;
}

export interface PageAccess {
  user: SessionUser;
  project: Project;
  role: Role;
  /** Every project this person can open, for the switcher. */
  projects: ProjectChoice[];
}

/** The projects a person can open, with their role in each (the owner: all, as admin). */
export async function projectChoices(user: SessionUser): Promise<ProjectChoice[]> {
  await ensureDefaultProject();
  if (user.role === OWNER_ROLE) return (await listProjects()).map((p) => ({ slug: p.slug, name: p.name, role: "admin" as const }));
  const mine = await membershipsOf(user.id);
  const roles = new Map(mine.map((m) => [m.projectId, m.role]));
  return (await projectsByIds([...roles.keys()])).map((p) => ({ slug: p.slug, name: p.name, role: roles.get(p.id)! }));
}

/**
 * Who is looking at this page, and at which project (the one its URL names). A project
 * they are not a member of sends them to /no-access, never to its data. Once per request.
 */
export const pageAccess = cache(async (): Promise<PageAccess> => {
  const h = await headers();
  const user = await sessionUser(h);
  if (!user) redirect("/sign-in");
  const slug = h.get(PROJECT_HEADER) ?? "";
  const projects = await projectChoices(user);
  const choice = projects.find((p) => p.slug === slug);
  const project = choice ? await getProjectBySlug(slug) : null;
  if (!choice || !project) redirect(`/no-access?${new URLSearchParams({ project: slug })}`);
  return { user, project, role: choice.role, projects };
});

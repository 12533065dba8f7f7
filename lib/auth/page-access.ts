import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Project } from "@/lib/db/schema";
import { accessibleProjects } from "./accessible-projects";
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

/** The projects a person can open, as the switcher lists them. */
export async function projectChoices(user: SessionUser): Promise<ProjectChoice[]> {
  return (await accessibleProjects(user)).map(({ project, role }) => ({ slug: project.slug, name: project.name, role }));
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
  const open = await accessibleProjects(user);
  const here = open.find((p) => p.project.slug === slug);
  if (!here) redirect(`/no-access?${new URLSearchParams({ project: slug })}`);
  const projects = open.map(({ project, role }) => ({ slug: project.slug, name: project.name, role }));
  return { user, project: here.project, role: here.role, projects };
});

import { accessibleProjects } from "./accessible-projects";
import type { SessionUser } from "./server";

/** Where a person lands without a project in the URL or a cookie: the first they can open (`default` for the owner). */
export async function homeProjectSlug(user: SessionUser): Promise<string | null> {
  return (await accessibleProjects(user))[0]?.project.slug ?? null;
}

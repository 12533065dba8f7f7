import { membershipsOf } from "@/lib/db/members";
import { DEFAULT_PROJECT, projectsByIds } from "@/lib/db/projects";
import { OWNER_ROLE } from "@/lib/db/users";
import type { SessionUser } from "./server";

/** Where a person lands without a project in the URL or a cookie: `default` for the owner, else their first project. */
export async function homeProjectSlug(user: SessionUser): Promise<string | null> {
  if (user.role === OWNER_ROLE) return DEFAULT_PROJECT;
  const mine = await membershipsOf(user.id);
  const [first] = await projectsByIds(mine.map((m) => m.projectId));
  return first?.slug ?? null;
}

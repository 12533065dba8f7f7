import { and, asc, eq } from "drizzle-orm";
import type { Role } from "@/lib/auth/roles";
import { getAppDb } from "./client";
import { projectMembers, users } from "./schema";

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
}

export async function listMembers(projectId: number): Promise<MemberView[]> {
  const db = await getAppDb();
  const rows = await db
    .select({ userId: users.id, email: users.email, name: users.name, role: projectMembers.role, createdAt: projectMembers.createdAt })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, projectId))
    .orderBy(asc(users.email));
  return rows as MemberView[];
}

export async function memberRole(projectId: number, userId: string): Promise<Role | null> {
  const db = await getAppDb();
  const [row] = await db
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
  return (row?.role as Role | undefined) ?? null;
}

/** The projects a user belongs to, with the role in each. */
export async function membershipsOf(userId: string): Promise<{ projectId: number; role: Role }[]> {
  const db = await getAppDb();
  const rows = await db.select({ projectId: projectMembers.projectId, role: projectMembers.role }).from(projectMembers).where(eq(projectMembers.userId, userId));
  return rows as { projectId: number; role: Role }[];
}

/** Adds a member or changes an existing member's role; returns the role they had before. */
export async function setMember(projectId: number, userId: string, role: Role): Promise<Role | null> {
  const db = await getAppDb();
  const before = await memberRole(projectId, userId);
  await db
    .insert(projectMembers)
    .values({ projectId, userId, role, createdAt: new Date() })
    .onConflictDoUpdate({ target: [projectMembers.projectId, projectMembers.userId], set: { role } });
  return before;
}

export async function removeMember(projectId: number, userId: string): Promise<boolean> {
  const db = await getAppDb();
  const rows = await db
    .delete(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
    .returning({ userId: projectMembers.userId });
  return rows.length > 0;
}

export async function countAdmins(projectId: number): Promise<number> {
  const db = await getAppDb();
  const rows = await db
    .select({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, "admin")));
  return rows.length;
}

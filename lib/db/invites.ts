import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { roleAllows, type Role } from "@/lib/auth/roles";
import { hashKey } from "./api-keys";
import { getAppDb } from "./client";
import { invites, projectMembers, projects, type Invite, type Project } from "./schema";
import { shortId } from "./short-id";

/** How long an invite link may live: an hour at least, 30 days at most. */
export const INVITE_TTL = { minMs: 60 * 60_000, maxMs: 30 * 24 * 60 * 60_000, defaultMs: 7 * 24 * 60 * 60_000 } as const;

export type InviteState = "pending" | "accepted" | "revoked" | "expired";

export interface InviteView {
  id: string;
  role: Role;
  email: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  state: InviteState;
}

function stateOf(row: Invite, now = Date.now()): InviteState {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() <= now ? "expired" : "pending";
}

function toView(row: Invite): InviteView {
  const { id, email, createdAt, expiresAt, acceptedAt, revokedAt } = row;
  return { id, role: row.role as Role, email, createdAt, expiresAt, acceptedAt, revokedAt, state: stateOf(row) };
}

/** Makes an invite; the token comes back in clear only here (the link holds it). */
export async function createInvite(input: {
  projectId: number;
  role: Role;
  email?: string;
  ttlMs: number;
  createdBy: string;
}): Promise<{ token: string; invite: InviteView }> {
  const token = "inv_" + randomBytes(24).toString("base64url");
  const db = await getAppDb();
  const now = Date.now();
  const [row] = await db
    .insert(invites)
    .values({
      id: shortId(),
      projectId: input.projectId,
      tokenHash: hashKey(token),
      role: input.role,
      email: input.email?.trim().toLowerCase() || null,
      createdBy: input.createdBy,
      createdAt: new Date(now),
      expiresAt: new Date(now + input.ttlMs),
    })
    .returning();
  return { token, invite: toView(row) };
}

export async function listInvites(projectId: number): Promise<InviteView[]> {
  const db = await getAppDb();
  const rows = await db.select().from(invites).where(eq(invites.projectId, projectId)).orderBy(desc(invites.createdAt)).limit(100);
  return rows.map(toView);
}

export async function revokeInvite(projectId: number, id: string): Promise<InviteView | null> {
  const db = await getAppDb();
  const rows = await db
    .update(invites)
    .set({ revokedAt: new Date() })
    .where(and(eq(invites.projectId, projectId), eq(invites.id, id), isNull(invites.acceptedAt), isNull(invites.revokedAt)))
    .returning();
  return rows[0] ? toView(rows[0]) : null;
}

/** What an invite link leads to, for the page that shows it; null for an unknown token. */
export async function inviteByToken(token: string): Promise<{ invite: InviteView; project: Project } | null> {
  const db = await getAppDb();
  const [row] = await db
    .select({ invite: invites, project: projects })
    .from(invites)
    .innerJoin(projects, eq(projects.id, invites.projectId))
    .where(eq(invites.tokenHash, hashKey(token)));
  return row ? { invite: toView(row.invite), project: row.project } : null;
}

export class InviteError extends Error {}

/**
 * Uses an invite: the user becomes a member with its role (a member with a higher role
 * keeps it). One use; the check and the use are one transaction, so two tabs cannot both
 * spend it.
 */
export async function acceptInvite(token: string, user: { id: string; email: string }): Promise<{ project: Project; role: Role }> {
  const db = await getAppDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ invite: invites, project: projects })
      .from(invites)
      .innerJoin(projects, eq(projects.id, invites.projectId))
      .where(eq(invites.tokenHash, hashKey(token)));
    if (!row) throw new InviteError("this invite link is not valid: ask an admin for a new one");
    const state = stateOf(row.invite);
    if (state !== "pending") throw new InviteError(`this invite link was ${state === "expired" ? "valid until " + row.invite.expiresAt.toISOString() : state}: ask an admin for a new one`);
    if (row.invite.email && row.invite.email !== user.email.toLowerCase()) {
      throw new InviteError(`this invite is for ${row.invite.email}: sign in with that account`);
    }
    const role = row.invite.role as Role;
    const [current] = await tx
      .select({ role: projectMembers.role })
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, row.project.id), eq(projectMembers.userId, user.id)));
    const kept = current && roleAllows(current.role as Role, role) ? (current.role as Role) : role;
    // Spend the invite only if it is still unspent. SQLite runs one writer at a time, but
    // PostgreSQL lets two transactions read "pending" together: the conditional update lets
    // just one of them through (the other waits on the row lock, then matches nothing).
    const spent = await tx
      .update(invites)
      .set({ acceptedAt: new Date(), acceptedBy: user.id })
      .where(and(eq(invites.id, row.invite.id), isNull(invites.acceptedAt), isNull(invites.revokedAt)))
      .returning({ id: invites.id });
    if (!spent.length) throw new InviteError("this invite link was just used or revoked: ask an admin for a new one");
    await tx
      .insert(projectMembers)
      .values({ projectId: row.project.id, userId: user.id, role: kept, createdAt: new Date() })
      .onConflictDoUpdate({ target: [projectMembers.projectId, projectMembers.userId], set: { role: kept } });
    return { project: row.project, role: kept };
  });
}

import { desc, eq } from "drizzle-orm";
import { getAppDb } from "./client";
import { activity } from "./schema";

/** The admin actions the log records. */
export type ActivityAction =
  | "key.created"
  | "key.revoked"
  | "member.added"
  | "member.role_changed"
  | "member.removed"
  | "invite.created"
  | "invite.revoked"
  | "invite.accepted"
  | "project.created"
  | "project.deleted"
  | "retention.changed"
  | "retention.purged"
  | "sampling.changed"
  | "snapshot.created"
  | "snapshot.revoked"
  | "snapshots.toggled";

export interface ActivityEntry {
  id: number;
  action: ActivityAction;
  actorEmail: string;
  target: string | null;
  detail: Record<string, unknown> | null;
  createdAt: Date;
}

export async function recordActivity(entry: {
  project: { id: number; slug: string } | null;
  actor: { id?: string; email: string };
  action: ActivityAction;
  target?: string;
  detail?: Record<string, unknown>;
}): Promise<void> {
  const db = await getAppDb();
  await db.insert(activity).values({
    projectId: entry.project?.id ?? null,
    projectSlug: entry.project?.slug ?? null,
    actorId: entry.actor.id ?? null,
    actorEmail: entry.actor.email,
    action: entry.action,
    target: entry.target ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
    createdAt: new Date(),
  });
}

/** The newest first; `limit` at most ACTIVITY_PAGE_MAX. */
export const ACTIVITY_PAGE_MAX = 200;

export async function listActivity(projectId: number, limit = 50): Promise<ActivityEntry[]> {
  const db = await getAppDb();
  const rows = await db
    .select()
    .from(activity)
    .where(eq(activity.projectId, projectId))
    .orderBy(desc(activity.createdAt), desc(activity.id))
    .limit(Math.min(limit, ACTIVITY_PAGE_MAX));
  return rows.map((r) => ({
    id: r.id,
    action: r.action as ActivityAction,
    actorEmail: r.actorEmail,
    target: r.target,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
    createdAt: r.createdAt,
  }));
}

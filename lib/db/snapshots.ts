import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { FrozenBoard } from "@/lib/boards/freeze";
import type { BoardVariable } from "@/lib/boards/types";
import { hashKey } from "./api-keys";
import { getAppDb } from "./client";
import { projects, snapshots, type SnapshotRow } from "./schema";
import { shortId } from "./short-id";

/** Everything the public page shows, fixed when the snapshot was taken. */
export interface SnapshotPayload {
  version: 1;
  project: { slug: string; name: string };
  board: { id: string; name: string; description: string };
  /** Set when one panel was shared rather than the whole board. */
  panelId?: string;
  range: { start: number; end: number };
  variables: BoardVariable[];
  frozen: FrozenBoard;
  takenAt: string;
  takenBy: string;
}

export interface SnapshotView {
  id: string;
  title: string;
  boardId: string | null;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  state: "active" | "expired" | "revoked";
}

/** How long a snapshot may be kept public at most when given an expiry: a year. */
export const SNAPSHOT_MAX_HOURS = 24 * 365;

const stateOf = (r: SnapshotRow, now = Date.now()): SnapshotView["state"] =>
  r.revokedAt ? "revoked" : r.expiresAt && r.expiresAt.getTime() <= now ? "expired" : "active";

const toView = (r: SnapshotRow): SnapshotView => ({
  id: r.id,
  title: r.title,
  boardId: r.boardId,
  createdBy: r.createdByEmail,
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
  revokedAt: r.revokedAt,
  state: stateOf(r),
});

/** Stores a snapshot; the token (in its link) comes back in clear only here. */
export async function createSnapshot(input: {
  projectId: number;
  boardId: string;
  title: string;
  payload: SnapshotPayload;
  createdBy: { id?: string; email: string };
  expiresAt: Date | null;
}): Promise<{ token: string; snapshot: SnapshotView }> {
  const token = "snap_" + randomBytes(32).toString("base64url");
  const db = await getAppDb();
  const [row] = await db
    .insert(snapshots)
    .values({
      id: shortId(),
      projectId: input.projectId,
      tokenHash: hashKey(token),
      boardId: input.boardId,
      title: input.title,
      payload: JSON.stringify(input.payload),
      createdBy: input.createdBy.id ?? null,
      createdByEmail: input.createdBy.email,
      createdAt: new Date(),
      expiresAt: input.expiresAt,
    })
    .returning();
  return { token, snapshot: toView(row) };
}

/**
 * The snapshot a public link opens, or null: unknown, revoked and expired tokens, and
 * snapshots of a project that has turned sharing off, all read as not found.
 */
export async function openSnapshot(token: string): Promise<{ view: SnapshotView; payload: SnapshotPayload } | null> {
  if (!token.startsWith("snap_")) return null;
  const db = await getAppDb();
  const [row] = await db
    .select({ snapshot: snapshots, enabled: projects.snapshotsEnabled })
    .from(snapshots)
    .innerJoin(projects, eq(projects.id, snapshots.projectId))
    .where(eq(snapshots.tokenHash, hashKey(token)));
  if (!row || !row.enabled || stateOf(row.snapshot) !== "active") return null;
  return { view: toView(row.snapshot), payload: JSON.parse(row.snapshot.payload) as SnapshotPayload };
}

export async function listSnapshots(projectId: number): Promise<SnapshotView[]> {
  const db = await getAppDb();
  const rows = await db.select().from(snapshots).where(eq(snapshots.projectId, projectId)).orderBy(desc(snapshots.createdAt)).limit(200);
  return rows.map(toView);
}

/** Revokes by the link's token or by the snapshot's id (the settings list knows only ids). */
export async function revokeSnapshot(projectId: number, tokenOrId: string): Promise<SnapshotView | null> {
  const db = await getAppDb();
  const match = tokenOrId.startsWith("snap_") ? eq(snapshots.tokenHash, hashKey(tokenOrId)) : eq(snapshots.id, tokenOrId);
  const rows = await db
    .update(snapshots)
    .set({ revokedAt: new Date() })
    .where(and(eq(snapshots.projectId, projectId), match, isNull(snapshots.revokedAt)))
    .returning();
  return rows[0] ? toView(rows[0]) : null;
}

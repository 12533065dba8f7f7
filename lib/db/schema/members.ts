import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { projects } from "./projects";

/** Who belongs to a project and as what: "viewer", "editor" or "admin" (lib/auth/roles.ts). */
export const projectMembers = sqliteTable(
  "project_members",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index("project_members_user_idx").on(t.userId)],
);

/**
 * A link that makes its holder a member. Only the token's SHA-256 is stored: the link is
 * shown once, to the admin who made it. Used, revoked or expired invites stay as history.
 */
export const invites = sqliteTable(
  "invites",
  {
    id: text("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    role: text("role").notNull(),
    /** Who the link is for, when the admin said; anyone holding it may use it otherwise. */
    email: text("email"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    acceptedAt: integer("accepted_at", { mode: "timestamp_ms" }),
    acceptedBy: text("accepted_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("invites_project_idx").on(t.projectId)],
);

/**
 * Admin actions, kept after their project is deleted (so no foreign keys): who did what,
 * to what, when. `detail` is JSON.
 */
export const activity = sqliteTable(
  "activity",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id"),
    projectSlug: text("project_slug"),
    actorId: text("actor_id"),
    actorEmail: text("actor_email").notNull(),
    action: text("action").notNull(),
    target: text("target"),
    detail: text("detail"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("activity_project_idx").on(t.projectId, t.createdAt)],
);

export type ProjectMember = typeof projectMembers.$inferSelect;
export type Invite = typeof invites.$inferSelect;
export type ActivityRow = typeof activity.$inferSelect;

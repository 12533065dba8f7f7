import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { projects } from "./projects";

/**
 * A named grid of panels. `timeRange`, `variables` and `panels` are JSON, validated on save
 * (lib/boards): the board's shape is the API's, so export and import are the row itself.
 */
export const boards = sqliteTable(
  "boards",
  {
    id: text("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    timeRange: text("time_range").notNull(),
    variables: text("variables").notNull(),
    panels: text("panels").notNull(),
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    ownerEmail: text("owner_email").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("boards_project_idx").on(t.projectId, t.updatedAt)],
);

/** `/s/<id>`: a page's whole URL (project and pin included), kept until deleted. */
export const shortLinks = sqliteTable(
  "short_links",
  {
    id: text("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdByEmail: text("created_by_email").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("short_links_project_idx").on(t.projectId, t.url)],
);

/**
 * Results frozen at one moment, readable without signing in by whoever holds the token
 * (only its SHA-256 is stored). `payload` is the JSON the public page renders.
 */
export const snapshots = sqliteTable(
  "snapshots",
  {
    id: text("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    boardId: text("board_id").references(() => boards.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    payload: text("payload").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdByEmail: text("created_by_email").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("snapshots_project_idx").on(t.projectId, t.createdAt)],
);

export type BoardRow = typeof boards.$inferSelect;
export type ShortLinkRow = typeof shortLinks.$inferSelect;
export type SnapshotRow = typeof snapshots.$inferSelect;

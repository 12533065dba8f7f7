import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { ms } from "./columns";
import { projects } from "./projects";

/* Mirrors ../boards.ts (comments live there). JSON stays text, as there: the app parses it. */

export const boards = pgTable(
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
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [index("boards_project_idx").on(t.projectId, t.updatedAt)],
);

export const shortLinks = pgTable(
  "short_links",
  {
    id: text("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdByEmail: text("created_by_email").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [index("short_links_project_idx").on(t.projectId, t.url)],
);

export const snapshots = pgTable(
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
    createdAt: ms("created_at").notNull(),
    expiresAt: ms("expires_at"),
    revokedAt: ms("revoked_at"),
  },
  (t) => [index("snapshots_project_idx").on(t.projectId, t.createdAt)],
);

import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const projects = sqliteTable(
  "projects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull().unique(),
    /** What URLs and the API name the project by (`?project=checkout`, `/api/v1/projects/checkout`). */
    slug: text("slug").notNull().default(""),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    /** How long spans are kept, e.g. "7d"; null follows SPANLENS_RETENTION. */
    retention: text("retention"),
    /** Whether editors may publish read-only public snapshots of this project's boards and charts. */
    snapshotsEnabled: integer("snapshots_enabled", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [uniqueIndex("projects_slug_idx").on(t.slug)],
);

export type Project = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;

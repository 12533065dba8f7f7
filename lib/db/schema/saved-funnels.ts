import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { projects } from "./projects";

/** A funnel definition shared by URL (`/funnels?funnel=<id>`), stored as the query body. */
export const savedFunnels = sqliteTable(
  "saved_funnels",
  {
    id: text("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** JSON of the `POST /api/v1/funnels/query` body: steps, by, window, range, breakdown. */
    definition: text("definition", { mode: "json" }).notNull(),
    author: text("author").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("saved_funnels_project_idx").on(t.projectId, t.name)],
);

export type SavedFunnel = typeof savedFunnels.$inferSelect;

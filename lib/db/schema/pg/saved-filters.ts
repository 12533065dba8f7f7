import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { ms } from "./columns";
import { projects } from "./projects";

/** Mirrors ../saved-filters.ts (comments live there). */
export const savedFilters = pgTable(
  "saved_filters",
  {
    id: text("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    query: text("query").notNull(),
    since: text("since"),
    startNs: text("start_ns"),
    endNs: text("end_ns"),
    sort: text("sort"),
    columns: text("columns"),
    author: text("author").notNull(),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [index("saved_filters_project_idx").on(t.projectId, t.name)],
);

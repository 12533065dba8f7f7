import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { projects } from "./projects";

/**
 * A named TraceQL search teammates open by URL (`/traces?filter=<id>`). The time range is
 * either relative (`since`, e.g. "1h": moves with the clock) or absolute (`start`/`end`
 * as unix-nanosecond strings: pinned); both empty means the page's default.
 */
export const savedFilters = sqliteTable(
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
    /** The result table's sort (`duration`, `-start`...) and extra columns (JSON list), restored with the filter. */
    sort: text("sort"),
    columns: text("columns"),
    author: text("author").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("saved_filters_project_idx").on(t.projectId, t.name)],
);

export type SavedFilter = typeof savedFilters.$inferSelect;
export type NewSavedFilter = typeof savedFilters.$inferInsert;

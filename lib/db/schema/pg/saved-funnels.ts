import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { ms } from "./columns";
import { projects } from "./projects";

/** Mirrors ../saved-funnels.ts (comments live there). */
export const savedFunnels = pgTable(
  "saved_funnels",
  {
    id: text("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    definition: jsonb("definition").notNull(),
    author: text("author").notNull(),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [index("saved_funnels_project_idx").on(t.projectId, t.name)],
);

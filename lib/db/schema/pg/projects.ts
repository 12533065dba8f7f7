import { boolean, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { ms, serialId } from "./columns";

/** Mirrors ../projects.ts (comments live there). */
export const projects = pgTable(
  "projects",
  {
    id: serialId("id"),
    name: text("name").notNull().unique(),
    slug: text("slug").notNull().default(""),
    createdAt: ms("created_at").notNull(),
    retention: text("retention"),
    snapshotsEnabled: boolean("snapshots_enabled").notNull().default(true),
  },
  (t) => [uniqueIndex("projects_slug_idx").on(t.slug)],
);

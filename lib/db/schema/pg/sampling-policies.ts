import { doublePrecision, integer, pgTable, text } from "drizzle-orm/pg-core";
import { ms } from "./columns";
import { projects } from "./projects";

/** Mirrors ../sampling-policies.ts (comments live there). */
export const samplingPolicies = pgTable("sampling_policies", {
  projectId: integer("project_id")
    .primaryKey()
    .references(() => projects.id, { onDelete: "cascade" }),
  rules: text("rules").notNull(),
  // SQLite's REAL is 8 bytes; PostgreSQL's `real` would be 4 and round rates like 0.1.
  defaultRate: doublePrecision("default_rate").notNull(),
  updatedAt: ms("updated_at").notNull(),
  updatedBy: text("updated_by"),
});

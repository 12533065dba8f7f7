import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { projects } from "./projects";

/**
 * A project's server-side sampling rules: `rules` is the JSON list
 * `[{ name, match, rate, priority }]` (validated on save, see lib/sampling); spans of a
 * trace no rule matches are kept at `defaultRate`. No row means keep everything.
 */
export const samplingPolicies = sqliteTable("sampling_policies", {
  projectId: integer("project_id")
    .primaryKey()
    .references(() => projects.id, { onDelete: "cascade" }),
  rules: text("rules").notNull(),
  defaultRate: real("default_rate").notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  updatedBy: text("updated_by"),
});

export type SamplingPolicyRow = typeof samplingPolicies.$inferSelect;
export type NewSamplingPolicyRow = typeof samplingPolicies.$inferInsert;

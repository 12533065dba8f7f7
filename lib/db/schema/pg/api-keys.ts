import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { ms, serialId } from "./columns";
import { projects } from "./projects";

/** Mirrors ../api-keys.ts (comments live there). */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: serialId("id"),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    scopes: text("scopes").notNull().default("ingest,read"),
    createdBy: text("created_by"),
    createdAt: ms("created_at").notNull(),
    lastUsedAt: ms("last_used_at"),
    revokedAt: ms("revoked_at"),
  },
  (t) => [index("api_keys_project_idx").on(t.projectId)],
);

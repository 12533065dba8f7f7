import { and, asc, eq } from "drizzle-orm";
import { getAppDb } from "./client";
import { savedFilters, type SavedFilter } from "./schema";
import { shortId } from "./short-id";

export interface SavedFilterInput {
  name: string;
  query: string;
  since?: string | null;
  startNs?: string | null;
  endNs?: string | null;
  author: string;
}

export async function listSavedFilters(projectId: number): Promise<SavedFilter[]> {
  const db = await getAppDb();
  return db.select().from(savedFilters).where(eq(savedFilters.projectId, projectId)).orderBy(asc(savedFilters.name));
}

export async function getSavedFilter(projectId: number, id: string): Promise<SavedFilter | null> {
  const db = await getAppDb();
  const [row] = await db.select().from(savedFilters).where(and(eq(savedFilters.projectId, projectId), eq(savedFilters.id, id)));
  return row ?? null;
}

export async function createSavedFilter(projectId: number, input: SavedFilterInput): Promise<SavedFilter> {
  const db = await getAppDb();
  const now = new Date();
  const [row] = await db
    .insert(savedFilters)
    .values({ id: shortId(), projectId, ...input, createdAt: now, updatedAt: now })
    .returning();
  return row;
}

export async function updateSavedFilter(projectId: number, id: string, patch: Partial<SavedFilterInput>): Promise<SavedFilter | null> {
  const db = await getAppDb();
  const [row] = await db
    .update(savedFilters)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(savedFilters.projectId, projectId), eq(savedFilters.id, id)))
    .returning();
  return row ?? null;
}

export async function deleteSavedFilter(projectId: number, id: string): Promise<boolean> {
  const db = await getAppDb();
  const rows = await db
    .delete(savedFilters)
    .where(and(eq(savedFilters.projectId, projectId), eq(savedFilters.id, id)))
    .returning({ id: savedFilters.id });
  return rows.length > 0;
}

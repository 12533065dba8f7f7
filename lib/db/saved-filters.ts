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
  /** The result table's sort, `duration:desc`. */
  sort?: string | null;
  /** Extra result columns (attribute names), stored as a JSON list. */
  columns?: string[] | null;
  author: string;
}

/** The row's values: the column list as the JSON text it is stored as. */
function toRow<T extends Partial<SavedFilterInput>>({ columns, ...rest }: T) {
  return { ...rest, ...(columns === undefined ? {} : { columns: columns === null ? null : JSON.stringify(columns) }) };
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
    .values({ id: shortId(), projectId, ...toRow(input), createdAt: now, updatedAt: now })
    .returning();
  return row;
}

export async function updateSavedFilter(projectId: number, id: string, patch: Partial<SavedFilterInput>): Promise<SavedFilter | null> {
  const db = await getAppDb();
  const [row] = await db
    .update(savedFilters)
    .set({ ...toRow(patch), updatedAt: new Date() })
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

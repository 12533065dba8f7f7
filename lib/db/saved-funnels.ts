import { and, asc, eq } from "drizzle-orm";
import { getAppDb } from "./client";
import { savedFunnels, type SavedFunnel } from "./schema";
import { shortId } from "./short-id";

export interface SavedFunnelInput {
  name: string;
  definition: unknown;
  author: string;
}

const where = (projectId: number, id: string) => and(eq(savedFunnels.projectId, projectId), eq(savedFunnels.id, id));

export async function listSavedFunnels(projectId: number): Promise<SavedFunnel[]> {
  const db = await getAppDb();
  return db.select().from(savedFunnels).where(eq(savedFunnels.projectId, projectId)).orderBy(asc(savedFunnels.name));
}

export async function getSavedFunnel(projectId: number, id: string): Promise<SavedFunnel | null> {
  const db = await getAppDb();
  const [row] = await db.select().from(savedFunnels).where(where(projectId, id));
  return row ?? null;
}

export async function createSavedFunnel(projectId: number, input: SavedFunnelInput): Promise<SavedFunnel> {
  const db = await getAppDb();
  const now = new Date();
  const [row] = await db.insert(savedFunnels).values({ id: shortId(), projectId, ...input, createdAt: now, updatedAt: now }).returning();
  return row;
}

export async function updateSavedFunnel(projectId: number, id: string, patch: Partial<SavedFunnelInput>): Promise<SavedFunnel | null> {
  const db = await getAppDb();
  const [row] = await db.update(savedFunnels).set({ ...patch, updatedAt: new Date() }).where(where(projectId, id)).returning();
  return row ?? null;
}

export async function deleteSavedFunnel(projectId: number, id: string): Promise<boolean> {
  const db = await getAppDb();
  const rows = await db.delete(savedFunnels).where(where(projectId, id)).returning({ id: savedFunnels.id });
  return rows.length > 0;
}

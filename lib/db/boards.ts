import { and, desc, eq } from "drizzle-orm";
import type { Board, BoardInput, BoardVariable, Panel } from "@/lib/boards/types";
import type { ChartRange } from "@/lib/chart-data/range";
import { getAppDb } from "./client";
import { boards, type BoardRow } from "./schema";
import { shortId } from "./short-id";

function toBoard(row: BoardRow): Board {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    timeRange: JSON.parse(row.timeRange) as ChartRange,
    variables: JSON.parse(row.variables) as BoardVariable[],
    panels: JSON.parse(row.panels) as Panel[],
    owner: row.ownerEmail,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type BoardSummary = Pick<Board, "id" | "name" | "description" | "owner" | "createdAt" | "updatedAt"> & { panelCount: number };

export async function listBoards(projectId: number): Promise<BoardSummary[]> {
  const db = await getAppDb();
  const rows = await db.select().from(boards).where(eq(boards.projectId, projectId)).orderBy(desc(boards.updatedAt));
  return rows.map((r) => {
    const { id, name, description, owner, createdAt, updatedAt, panels } = toBoard(r);
    return { id, name, description, owner, createdAt, updatedAt, panelCount: panels.length };
  });
}

export async function getBoard(projectId: number, id: string): Promise<Board | null> {
  const db = await getAppDb();
  const [row] = await db.select().from(boards).where(and(eq(boards.projectId, projectId), eq(boards.id, id)));
  return row ? toBoard(row) : null;
}

export async function createBoard(projectId: number, input: BoardInput, owner: { id?: string; email: string }): Promise<Board> {
  const db = await getAppDb();
  const now = new Date();
  const [row] = await db
    .insert(boards)
    .values({
      id: shortId(),
      projectId,
      name: input.name,
      description: input.description ?? "",
      timeRange: JSON.stringify(input.timeRange),
      variables: JSON.stringify(input.variables),
      panels: JSON.stringify(input.panels),
      ownerId: owner.id ?? null,
      ownerEmail: owner.email,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return toBoard(row);
}

export async function updateBoard(projectId: number, id: string, patch: Partial<BoardInput>): Promise<Board | null> {
  const db = await getAppDb();
  const set: Partial<typeof boards.$inferInsert> = { updatedAt: new Date() };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.timeRange !== undefined) set.timeRange = JSON.stringify(patch.timeRange);
  if (patch.variables !== undefined) set.variables = JSON.stringify(patch.variables);
  if (patch.panels !== undefined) set.panels = JSON.stringify(patch.panels);
  const [row] = await db.update(boards).set(set).where(and(eq(boards.projectId, projectId), eq(boards.id, id))).returning();
  return row ? toBoard(row) : null;
}

export async function deleteBoard(projectId: number, id: string): Promise<boolean> {
  const db = await getAppDb();
  const rows = await db.delete(boards).where(and(eq(boards.projectId, projectId), eq(boards.id, id))).returning({ id: boards.id });
  return rows.length > 0;
}

import { apiJson } from "@/components/charts/api";
import type { Board, BoardInput } from "@/lib/boards/types";
import type { BoardSummary } from "@/lib/db/boards";

export const boardKeys = {
  list: ["boards"] as const,
  one: (id: string) => ["boards", id] as const,
};

export const fetchBoards = async () => (await apiJson<{ boards: BoardSummary[] }>("/api/v1/boards")).boards;
export const fetchBoard = (id: string) => apiJson<Board>(`/api/v1/boards/${encodeURIComponent(id)}`);
export const createBoard = (input: BoardInput) => apiJson<Board>("/api/v1/boards", { method: "POST", body: JSON.stringify(input) });
export const patchBoard = (id: string, patch: Partial<BoardInput>) =>
  apiJson<Board>(`/api/v1/boards/${encodeURIComponent(id)}`, { method: "PATCH", body: JSON.stringify(patch) });
export const deleteBoard = (id: string) => apiJson<void>(`/api/v1/boards/${encodeURIComponent(id)}`, { method: "DELETE" });

/** The board as an export file: exactly what POST /api/v1/boards takes back. */
export function exportable(board: Board): BoardInput {
  const { name, description, timeRange, variables, panels } = board;
  return { name, description, timeRange, variables, panels };
}

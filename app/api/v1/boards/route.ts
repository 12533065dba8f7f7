import { createBoardSchema } from "@/lib/boards/schema";
import type { BoardInput } from "@/lib/boards/types";
import { createBoard, listBoards } from "@/lib/db/boards";
import { actorOf, authorize } from "@/lib/http/auth";
import { parseJsonBody } from "@/lib/http/zod-body";

/** The project's boards, most recently changed first (without their panels). */
export async function GET(req: Request) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  return Response.json({ boards: await listBoards(auth.projectId) });
}

/** `{ name, description?, timeRange, variables, panels }`; also what "Import" sends. Editors only. */
export async function POST(req: Request) {
  const auth = await authorize(req, { need: "editor" });
  if (!auth.ok) return auth.response;
  const body = await parseJsonBody(req, createBoardSchema);
  if (!body.ok) return body.response;
  return Response.json(await createBoard(auth.projectId, body.data as unknown as BoardInput, actorOf(auth)), { status: 201 });
}

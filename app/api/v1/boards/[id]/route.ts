import { patchBoardSchema } from "@/lib/boards/schema";
import type { BoardInput } from "@/lib/boards/types";
import { deleteBoard, getBoard, updateBoard } from "@/lib/db/boards";
import { authorize } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";
import { parseJsonBody } from "@/lib/http/zod-body";

type Ctx = { params: Promise<{ id: string }> };
const notFound = (id: string) => jsonError(404, `no board ${id} in this project`);

export async function GET(req: Request, ctx: Ctx) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  const { id } = await ctx.params;
  const board = await getBoard(auth.projectId, id);
  return board ? Response.json(board) : notFound(id);
}

/** Any subset of the board's fields; `panels` and `variables` are replaced whole. */
export async function PATCH(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { need: "editor" });
  if (!auth.ok) return auth.response;
  const { id } = await ctx.params;
  const body = await parseJsonBody(req, patchBoardSchema);
  if (!body.ok) return body.response;
  const board = await updateBoard(auth.projectId, id, body.data as unknown as Partial<BoardInput>);
  return board ? Response.json(board) : notFound(id);
}

export async function DELETE(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { need: "editor" });
  if (!auth.ok) return auth.response;
  const { id } = await ctx.params;
  return (await deleteBoard(auth.projectId, id)) ? new Response(null, { status: 204 }) : notFound(id);
}

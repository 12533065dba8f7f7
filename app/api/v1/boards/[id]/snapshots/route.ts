import { z } from "zod";
import { freezePanels } from "@/lib/boards/freeze";
import { timeRangeSchema } from "@/lib/boards/schema";
import type { BoardVariable } from "@/lib/boards/types";
import { resolveRange, type ChartRange } from "@/lib/chart-data/range";
import { recordActivity } from "@/lib/db/activity";
import { getBoard } from "@/lib/db/boards";
import { createSnapshot, SNAPSHOT_MAX_HOURS } from "@/lib/db/snapshots";
import { actorOf, authorize } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";
import { appOrigin } from "@/lib/http/origin";
import { parseJsonBody } from "@/lib/http/zod-body";

type Ctx = { params: Promise<{ id: string }> };

const body = z.object({
  /** One panel instead of the whole board. */
  panelId: z.string().max(40).optional(),
  /** What the person sees, when it differs from the board's defaults. */
  timeRange: timeRangeSchema.optional(),
  variables: z.array(z.object({ key: z.string().max(200), values: z.array(z.string().max(500)).max(50) }).strict()).max(10).optional(),
  expiresInHours: z.number("expected a number of hours").int("expected whole hours").min(1, "at least 1 hour").max(SNAPSHOT_MAX_HOURS, `at most ${SNAPSHOT_MAX_HOURS} hours (a year)`).nullable().default(null),
}).strict();

/**
 * Freezes the board's panels (or one of them) as they are now into a public read-only
 * link: `{ token, url, expiresAt }`. A relative range is pinned to this moment. Editors
 * only, and only while the project allows snapshots.
 */
export async function POST(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { need: "editor" });
  if (!auth.ok) return auth.response;
  if (!auth.project.snapshotsEnabled) return jsonError(403, `public snapshots are turned off for project "${auth.project.slug}" (Settings → Snapshots)`);
  const { id } = await ctx.params;
  const parsed = await parseJsonBody(req, body);
  if (!parsed.ok) return parsed.response;
  const board = await getBoard(auth.projectId, id);
  if (!board) return jsonError(404, `no board ${id} in this project`);
  const { panelId, expiresInHours } = parsed.data;
  const panels = panelId ? board.panels.filter((p) => p.id === panelId) : board.panels;
  if (panelId && panels.length === 0) return jsonError(400, `panelId: the board has no panel "${panelId}"`);
  const wanted = (parsed.data.timeRange ?? board.timeRange) as ChartRange;
  const { startMs, endMs } = resolveRange(wanted, Date.now());
  const range = { start: Math.floor(startMs / 1000), end: Math.ceil(endMs / 1000) };
  const variables = (parsed.data.variables ?? board.variables) as BoardVariable[];
  const frozen = await freezePanels(auth.projectId, panels, variables, range);
  const actor = actorOf(auth);
  const title = panelId ? `${panels[0].title || "Panel"} (from ${board.name})` : board.name;
  const { token, snapshot } = await createSnapshot({
    projectId: auth.projectId,
    boardId: board.id,
    title,
    createdBy: actor,
    expiresAt: expiresInHours === null ? null : new Date(Date.now() + expiresInHours * 3_600_000),
    payload: {
      version: 1,
      project: { slug: auth.project.slug, name: auth.project.name },
      board: { id: board.id, name: board.name, description: board.description },
      ...(panelId ? { panelId } : {}),
      range,
      variables,
      frozen,
      takenAt: new Date().toISOString(),
      takenBy: actor.email,
    },
  });
  await recordActivity({ project: auth.project, actor, action: "snapshot.created", target: title, detail: { panels: panels.length, expiresAt: snapshot.expiresAt } });
  return Response.json({ token, url: `${appOrigin(req)}/snapshots/${token}`, expiresAt: snapshot.expiresAt, snapshot }, { status: 201 });
}

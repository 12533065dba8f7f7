import { recordActivity } from "@/lib/db/activity";
import { forgetProjectKeys } from "@/lib/db/api-keys";
import { z } from "zod";
import { DEFAULT_PROJECT, deleteProject, getProjectBySlug, PROJECT_NAME_MAX, ProjectNameTaken, updateProject } from "@/lib/db/projects";
import { actorOf, authorize, requireOwner } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";
import { parseJsonBody } from "@/lib/http/zod-body";
import { getSpanStore } from "@/lib/spans";

type Ctx = { params: Promise<{ slug: string }> };

export async function GET(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { slug: (await ctx.params).slug });
  if (!auth.ok) return auth.response;
  const { id, slug, name, createdAt, retention, snapshotsEnabled } = auth.project;
  return Response.json({ id, slug, name, createdAt, retention, snapshotsEnabled, role: auth.role });
}

const patchBody = z.object({
  name: z.string().trim().min(1, "name is required").max(PROJECT_NAME_MAX, `at most ${PROJECT_NAME_MAX} characters`).optional(),
  snapshotsEnabled: z.boolean("expected true or false").optional(),
}).strict();

/** `{ name?, snapshotsEnabled? }`: admins rename the project or turn its public snapshots off (existing links stop working too). */
export async function PATCH(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { slug: (await ctx.params).slug, need: "admin" });
  if (!auth.ok) return auth.response;
  const body = await parseJsonBody(req, patchBody);
  if (!body.ok) return body.response;
  try {
    const p = (await updateProject(auth.projectId, body.data))!;
    if (body.data.snapshotsEnabled !== undefined && body.data.snapshotsEnabled !== auth.project.snapshotsEnabled) {
      await recordActivity({ project: p, actor: actorOf(auth), action: "snapshots.toggled", detail: { enabled: p.snapshotsEnabled } });
    }
    return Response.json({ id: p.id, slug: p.slug, name: p.name, retention: p.retention, snapshotsEnabled: p.snapshotsEnabled, role: auth.role });
  } catch (err) {
    if (err instanceof ProjectNameTaken) return jsonError(409, err.message);
    throw err;
  }
}

const END_OF_TIME = (1n << 63n) - 1n;

/** Deletes a project with its keys, members, saved items and spans; the instance owner only. `default` stays. */
export async function DELETE(req: Request, ctx: Ctx) {
  const auth = await requireOwner(req);
  if (!auth.ok) return auth.response;
  const { slug } = await ctx.params;
  if (slug === DEFAULT_PROJECT) return jsonError(400, `slug: project "${DEFAULT_PROJECT}" holds the bootstrap key and cannot be deleted`);
  const project = await getProjectBySlug(slug);
  if (!project) return jsonError(404, `no project "${slug}"`);
  // App rows first: the project's keys stop working before its spans go.
  await deleteProject(project.id);
  forgetProjectKeys(project.id);
  await recordActivity({ project, actor: actorOf(auth), action: "project.deleted", target: project.slug, detail: { name: project.name } });
  const purged = await (await getSpanStore()).purgeBefore(project.id, END_OF_TIME);
  return Response.json({ deleted: project.slug, purged });
}

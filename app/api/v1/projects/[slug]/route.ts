import { recordActivity } from "@/lib/db/activity";
import { forgetProjectKeys } from "@/lib/db/api-keys";
import { DEFAULT_PROJECT, deleteProject, getProjectBySlug } from "@/lib/db/projects";
import { actorOf, authorize, requireOwner } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";
import { getSpanStore } from "@/lib/spans";

type Ctx = { params: Promise<{ slug: string }> };

export async function GET(req: Request, ctx: Ctx) {
  const auth = await authorize(req, { slug: (await ctx.params).slug });
  if (!auth.ok) return auth.response;
  const { id, slug, name, createdAt, retention } = auth.project;
  return Response.json({ id, slug, name, createdAt, retention, role: auth.role });
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

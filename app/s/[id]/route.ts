import { sessionUser } from "@/lib/auth/server";
import { getShortLink } from "@/lib/db/short-links";
import { getProjectById } from "@/lib/db/projects";
import { roleIn } from "@/lib/http/auth";
import { appOrigin } from "@/lib/http/origin";
import { missingLinkPage } from "./missing-link";

type Ctx = { params: Promise<{ id: string }> };

const redirect = (to: URL) => new Response(null, { status: 307, headers: { location: to.toString(), "cache-control": "no-store" } });

/**
 * `/s/<id>`: sends a signed-in person to the page the link stores. proxy.ts sends everyone
 * else to sign in first (with this address in `next`). Someone outside the link's project
 * goes to /no-access without learning what the link points at; the page checks access again.
 */
export async function GET(req: Request, ctx: Ctx) {
  const { id } = await ctx.params;
  const origin = appOrigin(req);
  const user = await sessionUser(req.headers);
  if (!user) return redirect(new URL(`/sign-in?${new URLSearchParams({ next: `/s/${id}` })}`, origin));
  const link = await getShortLink(id);
  const project = link && (await getProjectById(link.projectId));
  if (!link || !project) return missingLinkPage(id);
  if (!(await roleIn(user, project.id))) {
    return redirect(new URL(`/no-access?${new URLSearchParams({ project: project.slug })}`, origin));
  }
  return redirect(new URL(link.url, origin));
}

import { projectChoices } from "@/lib/auth/page-access";
import type { SessionUser } from "@/lib/auth/server";
import { getProjectBySlug } from "@/lib/db/projects";
import { getSpanStore } from "@/lib/spans";
import { normalizeTraceIdForLookup } from "@/lib/spans/trace-id";

/** `/traces/<id>`; `/traces/compare` is a page of its own, not a trace. */
const TRACE_PAGE = /^\/traces\/(?!compare\/?$)([^/]+)\/?$/;

/**
 * 404 for the page of a trace the project does not have, else null. The page itself
 * says "not found" (notFound() and its not-found.tsx), but it renders under loading
 * boundaries, so its response has started streaming, with a 200, by the time it knows:
 * the status has to be decided before rendering, which is what the proxy is for.
 * Only for people who may open the project; anyone else is sent away by the page.
 */
export async function tracePageStatus(pathname: string, user: SessionUser, slug: string): Promise<404 | null> {
  const m = TRACE_PAGE.exec(pathname);
  if (!m) return null;
  if (!(await projectChoices(user)).some((p) => p.slug === slug)) return null;
  const project = await getProjectBySlug(slug);
  if (!project) return null;
  const traceId = decodeURIComponent(m[1]);
  if (!normalizeTraceIdForLookup(traceId)) return 404;
  return (await (await getSpanStore()).getTraceSummary(project.id, traceId)) ? null : 404;
}

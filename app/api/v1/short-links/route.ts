import { z } from "zod";
import { createShortLink, listShortLinks } from "@/lib/db/short-links";
import { authorize } from "@/lib/http/auth";
import { jsonError } from "@/lib/http/errors";
import { appOrigin } from "@/lib/http/origin";
import { SHORT_LINK_URL_MAX, shareablePath } from "@/lib/http/short-link-url";
import { shortLinkView } from "@/lib/http/short-link-view";
import { parseJsonBody } from "@/lib/http/zod-body";

// Checked again after parsing (origin, page, project): the cap here only spares the parser.
const body = z.object({ url: z.string().max(SHORT_LINK_URL_MAX + 1024) });

/** Newest first, with who made each: any member, and the project's read keys. */
export async function GET(req: Request) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  const origin = appOrigin(req);
  return Response.json({ links: (await listShortLinks(auth.projectId)).map((l) => shortLinkView(l, origin)) });
}

/**
 * Any member may share what they can see, so viewers make short links too. Keys may not:
 * a link records the person who made it, and keys only ingest and read.
 */
export async function POST(req: Request) {
  const auth = await authorize(req);
  if (!auth.ok) return auth.response;
  if (!auth.user) return jsonError(403, "API keys only ingest and read: making a short link needs a signed-in member");
  const parsed = await parseJsonBody(req, body);
  if (!parsed.ok) return parsed.response;
  const origin = appOrigin(req);
  const page = shareablePath(parsed.data.url, { origin, project: auth.project.slug });
  if (!page.ok) return jsonError(400, page.error);
  const { link, created } = await createShortLink(auth.projectId, page.path, { id: auth.user.id, email: auth.user.email });
  return Response.json(shortLinkView(link, origin), { status: created ? 201 : 200 });
}

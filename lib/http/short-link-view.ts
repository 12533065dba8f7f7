import type { ShortLink } from "@/lib/db/short-links";

/** What the API says about a link: its absolute short URL, the page it opens, and who made it when. */
export function shortLinkView(link: ShortLink, origin: string) {
  return {
    id: link.id,
    url: `${origin}/s/${link.id}`,
    target: link.url,
    createdBy: link.createdByEmail,
    createdAt: link.createdAt.toISOString(),
  };
}

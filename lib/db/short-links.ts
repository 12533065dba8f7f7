import { and, desc, eq } from "drizzle-orm";
import { getAppDb } from "./client";
import { shortLinks, type ShortLinkRow } from "./schema";
import { shortId } from "./short-id";

export type ShortLink = ShortLinkRow;

/** Who made a link: a signed-in person (their id is kept while the account exists). */
export interface LinkCreator {
  id: string;
  email: string;
}

/**
 * The short link for `url` (a path with its query, project included) made by `creator`.
 * Asking again for the same URL returns the link they already have, so repeated clicks do
 * not pile up rows. Teammates each get their own: deleting mine never breaks a link a
 * teammate already shared.
 */
export async function createShortLink(
  projectId: number,
  url: string,
  creator: LinkCreator,
): Promise<{ link: ShortLink; created: boolean }> {
  const db = await getAppDb();
  const [existing] = await db
    .select()
    .from(shortLinks)
    .where(and(eq(shortLinks.projectId, projectId), eq(shortLinks.url, url), eq(shortLinks.createdBy, creator.id)))
    .limit(1);
  if (existing) return { link: existing, created: false };
  const [row] = await db
    .insert(shortLinks)
    .values({ id: shortId(), projectId, url, createdBy: creator.id, createdByEmail: creator.email, createdAt: new Date() })
    .returning();
  return { link: row, created: true };
}

/** A link by id, in whichever project it belongs to: `/s/<id>` does not name one. */
export async function getShortLink(id: string): Promise<ShortLink | null> {
  const db = await getAppDb();
  const [row] = await db.select().from(shortLinks).where(eq(shortLinks.id, id));
  return row ?? null;
}

/** A project's links, newest first; `limit` at most SHORT_LINKS_PAGE_MAX. */
export const SHORT_LINKS_PAGE_MAX = 500;

export async function listShortLinks(projectId: number, limit = SHORT_LINKS_PAGE_MAX): Promise<ShortLink[]> {
  const db = await getAppDb();
  return db
    .select()
    .from(shortLinks)
    .where(eq(shortLinks.projectId, projectId))
    .orderBy(desc(shortLinks.createdAt), desc(shortLinks.id))
    .limit(Math.min(limit, SHORT_LINKS_PAGE_MAX));
}

/** Deletes a link of the project; false when there is none with that id. */
export async function deleteShortLink(projectId: number, id: string): Promise<boolean> {
  const db = await getAppDb();
  const rows = await db
    .delete(shortLinks)
    .where(and(eq(shortLinks.projectId, projectId), eq(shortLinks.id, id)))
    .returning({ id: shortLinks.id });
  return rows.length > 0;
}


/** Ids are shown by their first 8 characters; the full id goes in the title and the copy. */
export function shortId(id: string, length = 8): string {
  return id.length > length ? id.slice(0, length) : id;
}

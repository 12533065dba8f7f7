/**
 * Ids are shown by 8 characters; the full id goes in the title and the copy. Leading zeros
 * are skipped first: ids padded to 32 hex (a 64-bit id from a Noveum SDK or Zipkin) would
 * all read `00000000` otherwise.
 */
export function shortId(id: string, length = 8): string {
  const significant = id.replace(/^0+/, "");
  const shown = significant.length >= length ? significant : id.slice(-length);
  return shown.length > length ? shown.slice(0, length) : shown;
}

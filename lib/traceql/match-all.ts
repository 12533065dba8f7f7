/** A query counts as empty when it is blank or `{}`: it matches every span, so no condition is needed. */
export function isMatchAll(query: string | null | undefined): boolean {
  return !query || /^\s*(\{\s*\})?\s*$/.test(query);
}

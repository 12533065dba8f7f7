import { parseAsInteger, parseAsNativeArrayOf, parseAsString } from "nuqs/server";

/**
 * A board's URL: the range when it differs from the board's own (`since` or pinned
 * `start`/`end` in unix seconds) and the variables' chosen values (`var=<key>=<value>`,
 * repeated), so a copied link shows exactly what was on screen.
 */
export const boardParsers = {
  since: parseAsString,
  start: parseAsInteger,
  end: parseAsInteger,
  var: parseAsNativeArrayOf(parseAsString),
};

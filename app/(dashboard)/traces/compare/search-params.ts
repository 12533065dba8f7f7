import { createLoader, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { DURATION_MEASURES } from "@/lib/trace-compare/diff";

/** Everything a link to a comparison carries: the two traces and how durations are measured per path. */
export const compareParsers = {
  a: parseAsString,
  b: parseAsString,
  dur: parseAsStringLiteral(DURATION_MEASURES).withDefault("sum"),
};

export const loadCompareParams = createLoader(compareParsers);

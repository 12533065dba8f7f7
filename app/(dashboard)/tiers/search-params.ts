import { createLoader, parseAsInteger, parseAsNativeArrayOf, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { DEFAULT_SINCE } from "@/lib/chart-data/range";

/** The tier attribute, the range, charts or tables, and which tiers the legend shows. */
export const tierParsers = {
  attr: parseAsString.withDefault("customer.tier"),
  since: parseAsString.withDefault(DEFAULT_SINCE),
  start: parseAsInteger,
  end: parseAsInteger,
  view: parseAsStringLiteral(["charts", "tables"] as const).withDefault("charts"),
  show: parseAsNativeArrayOf(parseAsString),
};

export const loadTierParams = createLoader(tierParsers);

import { createLoader, parseAsInteger, parseAsNativeArrayOf, parseAsString, parseAsStringLiteral } from "nuqs/server";

export const FUNNEL_DEFAULT_SINCE = "7d";

/**
 * A funnel in the URL: one `step` per step (repeated, in order), the entity, window,
 * range and breakdown; `funnel` names a saved one (its definition is used until the URL
 * carries steps of its own); `drop` opens the list of who left after that step.
 */
export const funnelParsers = {
  step: parseAsNativeArrayOf(parseAsString),
  by: parseAsString.withDefault("trace"),
  window: parseAsString.withDefault("1d"),
  since: parseAsString.withDefault(FUNNEL_DEFAULT_SINCE),
  start: parseAsInteger,
  end: parseAsInteger,
  breakdown: parseAsString.withDefault(""),
  funnel: parseAsString,
  drop: parseAsInteger,
  show: parseAsStringLiteral(["count", "share"] as const).withDefault("count"),
};

export const loadFunnelParams = createLoader(funnelParsers);

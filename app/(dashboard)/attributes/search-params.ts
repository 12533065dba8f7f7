import { createLoader, parseAsString, parseAsStringLiteral } from "nuqs/server";

export const SCOPES = ["all", "span", "resource", "event", "intrinsic"] as const;

/** The explorer's search, scope filter and open key (`span:customer.tier`) live in the URL. */
export const attributeParsers = {
  q: parseAsString.withDefault(""),
  scope: parseAsStringLiteral(SCOPES).withDefault("all"),
  key: parseAsString,
};

export const loadAttributeParams = createLoader(attributeParsers);

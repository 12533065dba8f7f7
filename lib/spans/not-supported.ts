const NOT_SUPPORTED = Symbol.for("spanlens.not-supported");

/**
 * A store cannot answer this yet (e.g. TraceQL search on ClickHouse before the
 * engine-neutral query core lands). The HTTP layer answers 501 with the message.
 */
export class NotSupportedError extends Error {
  readonly [NOT_SUPPORTED] = true;

  constructor(readonly feature: string, detail = "on ClickHouse yet") {
    super(`${feature} is not supported ${detail}`);
    this.name = "NotSupportedError";
  }
}

/**
 * Load-bearing, as for OverloadedError: Next bundles each route with its own copy of
 * this module, so `instanceof` fails across chunks; the brand is a registered symbol.
 */
export function isNotSupported(err: unknown): err is NotSupportedError {
  return typeof err === "object" && err !== null && (err as Record<symbol, unknown>)[NOT_SUPPORTED] === true;
}

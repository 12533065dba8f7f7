/**
 * One value per server process. Next bundles route handlers and instrumentation into
 * separate chunks, each with its own copy of a module, so plain module-level state
 * (a cache, a connection) would silently exist several times. Keep it on globalThis.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const g = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`spanlens.${name}`);
  return (g[key] ??= create());
}

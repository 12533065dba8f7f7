/**
 * What the server does once at start: open and migrate both stores (so the generated first
 * API key is printed at start, not on the first request), create the admin from
 * SPANLENS_ADMIN_EMAIL/PASSWORD when set, then start the purges.
 *
 * A server that cannot open its stores exits with the reason instead of listening while
 * unhealthy: a process manager (systemd, Kubernetes, a load balancer's health check) sees a
 * failed start at once, and a second instance behind a load balancer never takes traffic
 * it cannot serve.
 */
export async function startSpanlens(): Promise<void> {
  try {
    const { ensureDefaultProject } = await import("./db/projects");
    const { getSpanStore } = await import("./spans");
    const { ensureOwnerFromEnv } = await import("./auth/owner");
    await Promise.all([ensureDefaultProject(), getSpanStore(), ensureOwnerFromEnv()]);
    const { startRetentionScheduler } = await import("./retention/scheduler");
    startRetentionScheduler();
  } catch (err) {
    console.error(`[spanlens] cannot start: ${describe(err)}`);
    process.exit(1);
  }
}

/** The message and its causes on one line each: "opening X failed" alone says too little. */
function describe(err: unknown): string {
  const lines: string[] = [];
  for (let e: unknown = err; e instanceof Error && lines.length < 5; e = e.cause) lines.push(e.message);
  return lines.length ? lines.join("\n  caused by: ") : String(err);
}

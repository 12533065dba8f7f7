/** Runs once when the server starts: open and migrate both stores, so the generated
 * first API key is printed at start, not on the first request; create the admin from
 * SPANLENS_ADMIN_EMAIL/PASSWORD when set; then start the purges. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureDefaultProject } = await import("./lib/db/projects");
  const { getSpanStore } = await import("./lib/spans");
  const { ensureOwnerFromEnv } = await import("./lib/auth/owner");
  await Promise.all([ensureDefaultProject(), getSpanStore(), ensureOwnerFromEnv()]);
  const { startRetentionScheduler } = await import("./lib/retention/scheduler");
  startRetentionScheduler();
}

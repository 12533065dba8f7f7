/** Runs once when the server starts: open and migrate both stores, so the generated
 * first API key is printed at start, not on the first request; then start the purges. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureDefaultProject } = await import("./lib/db/projects");
  const { getSpanStore } = await import("./lib/spans");
  await Promise.all([ensureDefaultProject(), getSpanStore()]);
  const { startRetentionScheduler } = await import("./lib/retention/scheduler");
  startRetentionScheduler();
}

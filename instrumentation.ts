/** Runs once when the server starts; lib/startup.ts says what it does and why a failed start exits. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startSpanlens } = await import("./lib/startup");
  await startSpanlens();
}

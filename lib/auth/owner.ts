import { env } from "@/lib/env";
import { findUserByEmail, OWNER_ROLE, ownerExists } from "@/lib/db/users";
import { processSingleton } from "@/lib/process-singleton";
import { getAuth } from "./server";

/** Why an owner could not be made; `status` is what an HTTP caller should get. */
export class OwnerError extends Error {
  constructor(message: string, readonly status: 400 | 404) {
    super(message);
    this.name = "OwnerError";
  }
}

// Setup requests and first-start creation run one at a time, so two racing /setup posts
// cannot both see "no owner yet" and both create one.
const lock = processSingleton("ownerLock", () => ({ tail: Promise.resolve() as Promise<unknown> }));
function serialised<T>(fn: () => Promise<T>): Promise<T> {
  const run = lock.tail.then(fn, fn);
  lock.tail = run.catch(() => undefined);
  return run;
}

/** An email-and-password account, made the way better-auth makes them (its hashing, its adapter). */
export async function createPasswordAccount(input: { email: string; password: string; name: string }, role: string) {
  const ctx = await (await getAuth()).$context;
  const email = input.email.trim().toLowerCase();
  const { minPasswordLength, maxPasswordLength } = ctx.password.config;
  if (input.password.length < minPasswordLength || input.password.length > maxPasswordLength) {
    throw new OwnerError(`password: use ${minPasswordLength} to ${maxPasswordLength} characters`, 400);
  }
  const hash = await ctx.password.hash(input.password);
  const user = await ctx.internalAdapter.createUser({ email, name: input.name.trim() || email, emailVerified: true, role }, { method: "admin" });
  await ctx.internalAdapter.linkAccount({ providerId: "credential", accountId: user.id, userId: user.id, password: hash });
  return user;
}

/** `/setup`: creates the instance owner, and refuses once one exists (the page is gone then too). */
export function createFirstOwner(input: { email: string; password: string; name: string }) {
  return serialised(async () => {
    if (await ownerExists()) throw new OwnerError("setup is already done: sign in instead", 404);
    if (await findUserByEmail(input.email)) throw new OwnerError("email: an account with this email exists", 400);
    return createPasswordAccount(input, OWNER_ROLE);
  });
}

/**
 * First start with SPANLENS_ADMIN_EMAIL and SPANLENS_ADMIN_PASSWORD: that owner is created.
 * An existing account keeps its password, so changing it in the UI survives restarts.
 */
export function ensureOwnerFromEnv(): Promise<void> {
  const admin = env().admin;
  if (!admin) return Promise.resolve();
  return serialised(async () => {
    if (await findUserByEmail(admin.email)) return;
    try {
      await createPasswordAccount({ ...admin, name: "Admin" }, OWNER_ROLE);
    } catch (err) {
      // Another instance on the same PostgreSQL made it first (the lock above is per process).
      if (await findUserByEmail(admin.email)) return;
      throw err;
    }
    console.log(`[spanlens] Created the admin account ${admin.email.trim().toLowerCase()} (from SPANLENS_ADMIN_EMAIL).`);
  });
}

import { eq } from "drizzle-orm";
import { getAppDb } from "./client";
import { users } from "./schema";

export const OWNER_ROLE = "owner";

/** Whether the instance owner exists: until then the app sends everyone to /setup. */
export async function ownerExists(): Promise<boolean> {
  const db = await getAppDb();
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.role, OWNER_ROLE)).limit(1);
  return !!row;
}

export async function findUserByEmail(email: string) {
  const db = await getAppDb();
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row ?? null;
}

export async function findUserById(id: string) {
  const db = await getAppDb();
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

/** Removes an account with its sessions and sign-in methods (cascade); used to undo a half-made sign-up. */
export async function deleteUser(id: string) {
  const db = await getAppDb();
  await db.delete(users).where(eq(users.id, id));
}

import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { processSingleton } from "@/lib/process-singleton";
import { getAppDb } from "./client";
import { apiKeys, type ApiKey } from "./schema";

const KEY_PREFIX = "sl_";
// Cache of key hash -> project, so ingest does not touch SQLite on every request.
// Revocation clears it, which is why revoke goes through this module.
const authCache = processSingleton("authCache", () => new Map<string, { projectId: number; keyId: number } | null>());
const lastTouched = processSingleton("keyLastTouched", () => new Map<number, number>());
const TOUCH_EVERY_MS = 60_000;

export function hashKey(key: string) {
  return createHash("sha256").update(key).digest("hex");
}

export function generateKey() {
  return KEY_PREFIX + randomBytes(24).toString("base64url");
}

/** The most of a key anyone sees after its creation: enough to tell keys apart, too little to guess. */
export const VISIBLE_PREFIX_CHARS = 6;

export function visiblePrefix(key: string) {
  return key.slice(0, Math.min(VISIBLE_PREFIX_CHARS, key.length - 4));
}

export type ApiKeyView = Pick<ApiKey, "id" | "name" | "prefix" | "createdAt" | "lastUsedAt" | "revokedAt">;

function toView(row: ApiKey): ApiKeyView {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, revokedAt: row.revokedAt };
}

export async function listApiKeys(projectId: number): Promise<ApiKeyView[]> {
  const db = await getAppDb();
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.projectId, projectId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/** Stores a key (generated unless given) and returns it in full: the only time it is seen. */
export async function createApiKey(
  projectId: number,
  name: string,
  opts: { key?: string } = {},
): Promise<{ key: string; row: ApiKeyView }> {
  const key = opts.key ?? generateKey();
  const db = await getAppDb();
  const [row] = await db
    .insert(apiKeys)
    .values({
      projectId,
      name,
      keyHash: hashKey(key),
      prefix: visiblePrefix(key),
      createdAt: new Date(),
    })
    .returning();
  authCache.delete(row.keyHash);
  return { key, row: toView(row) };
}

export async function findKeyByPlaintext(key: string) {
  const db = await getAppDb();
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.keyHash, hashKey(key)));
  return row ?? null;
}

/** Returns false when no such live key exists in the project. */
export async function revokeApiKey(projectId: number, id: number): Promise<boolean> {
  const db = await getAppDb();
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.projectId, projectId), isNull(apiKeys.revokedAt)))
    .returning({ keyHash: apiKeys.keyHash });
  for (const r of rows) authCache.delete(r.keyHash);
  return rows.length > 0;
}

/** The project a presented key belongs to, or null for a missing, unknown or revoked key. */
export async function authenticateKey(key: string): Promise<{ projectId: number; keyId: number } | null> {
  const hash = hashKey(key);
  let hit = authCache.get(hash);
  if (hit === undefined) {
    const db = await getAppDb();
    const [row] = await db
      .select({ projectId: apiKeys.projectId, keyId: apiKeys.id })
      .from(apiKeys)
      .where(and(eq(apiKeys.keyHash, hash), isNull(apiKeys.revokedAt)));
    hit = row ?? null;
    authCache.set(hash, hit);
  }
  if (hit) void touch(hit.keyId);
  return hit;
}

async function touch(keyId: number) {
  const now = Date.now();
  if (now - (lastTouched.get(keyId) ?? 0) < TOUCH_EVERY_MS) return;
  lastTouched.set(keyId, now);
  const db = await getAppDb();
  await db.update(apiKeys).set({ lastUsedAt: new Date(now) }).where(eq(apiKeys.id, keyId));
}

import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { parseScopes, type Scope } from "@/lib/auth/roles";
import { processSingleton } from "@/lib/process-singleton";
import { getAppDb } from "./client";
import { apiKeys, type ApiKey } from "./schema";

const KEY_PREFIX = "sl_";
export interface KeyHit {
  projectId: number;
  keyId: number;
  scopes: Scope[];
}

// Live keys by hash, so ingest does not touch the app store on every request. Only hits are
// kept, and at most this many: misses go to the store, and repeated misses from one address
// are turned away by the failure limiter. Revocation clears the entry in this process, which
// is why revoke goes through this module; other processes sharing PostgreSQL drop it when it
// expires, so KEY_CACHE_MS bounds how long a revoked key still works elsewhere.
const KEYS_CACHED = 10_000;
export const KEY_CACHE_MS = 5_000;
const authCache = processSingleton("authCache", () => new LRUCache<string, KeyHit>({ max: KEYS_CACHED, ttl: KEY_CACHE_MS }));
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

export type ApiKeyView = Pick<ApiKey, "id" | "name" | "prefix" | "createdAt" | "lastUsedAt" | "revokedAt"> & { scopes: Scope[] };

function toView(row: ApiKey): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: parseScopes(row.scopes),
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

export async function listApiKeys(projectId: number): Promise<ApiKeyView[]> {
  const db = await getAppDb();
  const rows = await db.select().from(apiKeys).where(eq(apiKeys.projectId, projectId)).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(toView);
}

/** Stores a key (generated unless given) and returns it in full: the only time it is seen. */
export async function createApiKey(
  projectId: number,
  name: string,
  opts: { key?: string; scopes: Scope[]; createdBy?: string },
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
      scopes: opts.scopes.join(","),
      createdBy: opts.createdBy,
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

/** Returns null when no such live key exists in the project. */
export async function revokeApiKey(projectId: number, id: number): Promise<{ name: string; prefix: string } | null> {
  const db = await getAppDb();
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.projectId, projectId), isNull(apiKeys.revokedAt)))
    .returning({ keyHash: apiKeys.keyHash, name: apiKeys.name, prefix: apiKeys.prefix });
  for (const r of rows) authCache.delete(r.keyHash);
  return rows[0] ? { name: rows[0].name, prefix: rows[0].prefix } : null;
}

/** The project and scopes of a presented key, or null for an unknown or revoked key. */
export async function authenticateKey(key: string): Promise<KeyHit | null> {
  const hash = hashKey(key);
  let hit = authCache.get(hash);
  if (!hit) {
    const db = await getAppDb();
    const [row] = await db
      .select({ projectId: apiKeys.projectId, keyId: apiKeys.id, scopes: apiKeys.scopes })
      .from(apiKeys)
      .where(and(eq(apiKeys.keyHash, hash), isNull(apiKeys.revokedAt)));
    if (!row) return null;
    hit = { projectId: row.projectId, keyId: row.keyId, scopes: parseScopes(row.scopes) };
    authCache.set(hash, hit);
  }
  void touch(hit.keyId);
  return hit;
}

async function touch(keyId: number) {
  const now = Date.now();
  if (now - (lastTouched.get(keyId) ?? 0) < TOUCH_EVERY_MS) return;
  lastTouched.set(keyId, now);
  const db = await getAppDb();
  await db.update(apiKeys).set({ lastUsedAt: new Date(now) }).where(eq(apiKeys.id, keyId));
}

/** After a project is deleted (its keys go with it by cascade), its keys stop working at once. */
export function forgetProjectKeys(projectId: number): void {
  for (const [hash, hit] of authCache.entries()) if (hit.projectId === projectId) authCache.delete(hash);
}

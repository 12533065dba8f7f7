export type KeyScope = "ingest" | "read";

/** An API key as the keys API returns it (dates as ISO strings). */
export interface KeyRow {
  id: number;
  name: string;
  prefix: string;
  scopes: KeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const keysQueryKey = ["keys"] as const;

const keysUrl = (slug: string) => `/api/v1/projects/${encodeURIComponent(slug)}/keys`;

async function errorOf(res: Response, what: string): Promise<Error> {
  const body = (await res.json().catch(() => null)) as { error?: string } | null;
  return new Error(body?.error ?? `${what} answered ${res.status}`);
}

export async function fetchKeys(slug: string): Promise<KeyRow[]> {
  const res = await fetch(keysUrl(slug));
  if (!res.ok) throw await errorOf(res, "GET keys");
  return ((await res.json()) as { keys: KeyRow[] }).keys;
}

export async function createKey(slug: string, input: { name: string; scopes: KeyScope[] }): Promise<{ key: string; apiKey: KeyRow }> {
  const res = await fetch(keysUrl(slug), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
  });
  if (!res.ok) throw await errorOf(res, "POST keys");
  return res.json() as Promise<{ key: string; apiKey: KeyRow }>;
}

export async function revokeKey(slug: string, id: number): Promise<void> {
  const res = await fetch(`${keysUrl(slug)}/${id}`, { method: "DELETE" });
  if (!res.ok) throw await errorOf(res, "DELETE key");
}

/** Mirrors the server's rule, so the form can say what is wrong before sending. */
export function validateKeyName(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return "Give the key a name, such as the service or environment that will use it.";
  if (trimmed.length > 100) return `At most 100 characters (this one has ${trimmed.length}).`;
  return null;
}

/** A Date (server) or ISO string (API) as a unix-nano string, for the time components. */
export function isoToUnixNano(value: string | Date): string {
  const ms = typeof value === "string" ? Date.parse(value) : value.getTime();
  return (BigInt(ms) * 1_000_000n).toString();
}

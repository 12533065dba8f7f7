import { gzipSync } from "node:zlib";
import { inject } from "vitest";
import { sessionHeaders } from "./auth-helpers";

export const base = () => inject("baseUrl");
export const key = () => inject("apiKey");

export async function postJson(path: string, body: unknown, opts: { key?: string | null; gzip?: boolean; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", ...opts.headers };
  const k = opts.key === undefined ? key() : opts.key;
  if (k) headers.authorization = `Bearer ${k}`;
  let payload: BodyInit = JSON.stringify(body);
  if (opts.gzip) {
    headers["content-encoding"] = "gzip";
    payload = gzipSync(payload);
  }
  return fetch(base() + path, { method: "POST", headers, body: payload });
}

/** The header that authenticates a test request: the server's API key unless told otherwise (null: none). */
export function authHeader(k: string | null = key()): Record<string, string> {
  return k ? { authorization: `Bearer ${k}` } : {};
}

/** fetch against the test server, authenticated with its API key unless `headers` say otherwise. */
export function api(path: string, init: RequestInit = {}) {
  return fetch(base() + path, { ...init, headers: { ...authHeader(), ...(init.headers as Record<string, string> | undefined) } });
}

export async function getJson<T = unknown>(
  path: string,
  opts: { key?: string | null; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(base() + path, { headers: { ...authHeader(opts.key === undefined ? key() : opts.key), ...opts.headers } });
  return { status: res.status, body: (await res.json()) as T };
}

let counter = 0;
/** A fresh random id of `hexLen` hex characters (unique per test run). */
export function hexId(hexLen: 16 | 32) {
  counter++;
  let s = "";
  while (s.length < hexLen) s += Math.floor(Math.random() * 16).toString(16);
  return (counter.toString(16) + s).slice(0, hexLen).replace(/^0/, "a");
}

/** fetch as the signed-in test admin (the instance owner): for saving and administering, which keys cannot do. */
export async function adminApi(path: string, init: RequestInit = {}) {
  const headers = { ...(await sessionHeaders(base(), inject("admin"))), ...(init.body ? { "content-type": "application/json" } : {}), ...(init.headers as Record<string, string> | undefined) };
  return fetch(base() + path, { ...init, headers });
}

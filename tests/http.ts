import { gzipSync } from "node:zlib";
import { inject } from "vitest";

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

export async function getJson<T = unknown>(path: string, opts: { key?: string } = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(base() + path, { headers: opts.key ? { authorization: `Bearer ${opts.key}` } : {} });
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

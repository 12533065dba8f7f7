import { headers } from "next/headers";

/** This server's origin as the browser reached it (behind a proxy: the forwarded host and
 * protocol), for snippets that point SDKs back here. */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0].trim() || h.get("host") || "localhost:3000";
  const proto = h.get("x-forwarded-proto")?.split(",")[0].trim() || "http";
  return `${proto}://${host}`;
}

/** The time this request is rendered at. Server components render once per request, so
 * reading the clock here is stable; client components get it as a prop for hydration. */
export function renderedAt(): number {
  return Date.now();
}

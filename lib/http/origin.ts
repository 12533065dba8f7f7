import { env } from "@/lib/env";

const first = (v: string | null) => v?.split(",")[0].trim() || null;

/** This app's origin for a request: SPANLENS_URL when set, else the host the browser reached
 * (behind a proxy, the forwarded host and protocol). */
export function appOrigin(req: Request): string {
  const configured = env().publicUrl;
  if (configured) return configured;
  const h = req.headers;
  const url = new URL(req.url);
  const host = first(h.get("x-forwarded-host")) ?? h.get("host") ?? url.host;
  const proto = first(h.get("x-forwarded-proto")) ?? url.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}

/**
 * Whether a browser sent this request from one of our own pages. `Sec-Fetch-Site` decides
 * when present; otherwise the `Origin` header must be ours. A request with neither is not
 * trusted: every browser that sends cookies on a POST also sends one of them.
 */
export function isSameOrigin(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = req.headers.get("origin");
  if (!origin || origin === "null") return false;
  return origin.toLowerCase() === appOrigin(req).toLowerCase();
}

import { PROJECT_PARAM } from "@/lib/auth/project-cookie";

/**
 * An API URL for the project this page shows. The page's own URL names it (proxy.ts sees
 * to that), so two tabs on two projects each ask about their own.
 */
export function withProject(url: string): string {
  if (typeof window === "undefined") return url;
  const slug = new URLSearchParams(window.location.search).get(PROJECT_PARAM);
  if (!slug || /[?&]project=/.test(url)) return url;
  return `${url}${url.includes("?") ? "&" : "?"}${PROJECT_PARAM}=${encodeURIComponent(slug)}`;
}

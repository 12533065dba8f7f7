import { PROJECT_PARAM } from "@/lib/auth/project-cookie";

/**
 * The URL of a trace's compact columns. The trace page preloads it from the server and the
 * client fetches it: both must build exactly this string to share one download (a preload of
 * another URL is a second download of the whole trace). The project comes from the page's
 * URL on the server and from the page's context on the client, which proxy.ts keeps equal.
 */
export const waterfallUrl = (traceId: string, project: string) =>
  `/api/v1/traces/${traceId}/waterfall?${PROJECT_PARAM}=${encodeURIComponent(project)}`;

/** High priority: at the default (low) Chromium holds a fetch preload back until the page's scripts are in. */
export const WATERFALL_PRELOAD = { as: "fetch", crossOrigin: "anonymous", fetchPriority: "high" } as const;

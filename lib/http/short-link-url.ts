import { PROJECT_PARAM } from "@/lib/auth/project-cookie";

/** The longest URL a short link stores: every page's state fits, with room to spare. */
export const SHORT_LINK_URL_MAX = 8192;

/** Paths that are not pages a person can be sent to (`/s/` too: a link to a link could loop). */
const NOT_A_PAGE = /^\/(api|v1|s|_next|health)(\/|$)/;

export type ShareablePath = { ok: true; path: string } | { ok: false; error: string };

/**
 * The page a short link may store, as a path with its query and fragment (no origin, so the
 * link survives a change of host). It must be one of this app's pages: a path (`/traces?q=…`)
 * or a full URL on `origin`. Anything else (another site, `//host`, `javascript:`) is refused,
 * because `/s/<id>` redirects there for whoever opens it. The path always names its project:
 * one without `?project=` gets `project`, and one naming another project is refused.
 */
export function shareablePath(input: string, opts: { origin: string; project: string }): ShareablePath {
  const refuse = (why: string): ShareablePath => ({ ok: false, error: `url: ${why}` });
  const home = new URL(opts.origin).origin;
  if (input.length === 0) return refuse("give the page to link to, e.g. /traces?q=…");
  if (input.length > SHORT_LINK_URL_MAX) return refuse(`at most ${SHORT_LINK_URL_MAX} characters`);
  // The URL parser drops tabs and newlines inside a URL, which would hide `//host` from the checks below.
  if (/[\u0000-\u0020\u007f\\]/.test(input)) return refuse("must not contain spaces, control characters or backslashes");
  const relative = input.startsWith("/") && !input.startsWith("//");
  if (!relative && !/^https?:\/\//i.test(input)) return refuse(`give a path of this app (/traces?…) or a full URL on ${home}`);
  let url: URL;
  try {
    url = new URL(input, home);
  } catch {
    return refuse("is not a valid URL");
  }
  if (url.origin !== home) return refuse(`must be a page of this app (${home}), not ${url.origin}`);
  if (NOT_A_PAGE.test(url.pathname)) return refuse(`must be a page of the app, not ${url.pathname}`);
  const named = url.searchParams.get(PROJECT_PARAM);
  if (named && named !== opts.project) {
    return refuse(`names project "${named}", but the link is being made in project "${opts.project}"`);
  }
  // Appended rather than set: re-encoding the whole query could change how the page reads it.
  const extra = named ? "" : `${url.search ? "&" : "?"}${PROJECT_PARAM}=${encodeURIComponent(opts.project)}`;
  const path = url.pathname + url.search + extra + url.hash;
  return path.length > SHORT_LINK_URL_MAX ? refuse(`at most ${SHORT_LINK_URL_MAX} characters`) : { ok: true, path };
}

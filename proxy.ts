import { NextResponse, type NextRequest } from "next/server";
import { homeProjectSlug } from "@/lib/auth/home-project";
import { PROJECT_COOKIE, PROJECT_HEADER, PROJECT_PARAM } from "@/lib/auth/project-cookie";
import { sessionUser } from "@/lib/auth/server";
import { ownerExists } from "@/lib/db/users";
import { tracePageStatus } from "@/lib/http/trace-page-status";

const YEAR_S = 365 * 24 * 3600;

/**
 * Pages need a session. Without one, the visitor goes to /sign-in with the whole URL in
 * `next`, so a shared link opens after signing in; before any owner exists, to /setup.
 * Every dashboard URL names its project (`?project=`), so a copied link opens the same
 * project for a teammate: a URL without one gets the browser's last project (a cookie)
 * or the person's first. APIs authorize themselves (lib/http/auth.ts) and answer 401 JSON.
 */
export async function proxy(req: NextRequest) {
  const user = await sessionUser(req.headers);
  if (!user) return toSignIn(req);
  // Short links name their project in the page they redirect to, not in their own URL.
  if (req.nextUrl.pathname === "/no-access" || req.nextUrl.pathname.startsWith("/s/")) return NextResponse.next();
  const slug = req.nextUrl.searchParams.get(PROJECT_PARAM);
  if (!slug) {
    const target = req.nextUrl.clone();
    const home = req.cookies.get(PROJECT_COOKIE)?.value || (await homeProjectSlug(user));
    if (!home) {
      target.pathname = "/no-access";
      target.search = "";
    } else target.searchParams.set(PROJECT_PARAM, home);
    return NextResponse.redirect(target);
  }
  // Pages read the project from this header (layouts do not get search params); a
  // client-sent header of the same name is replaced here.
  const headers = new Headers(req.headers);
  headers.set(PROJECT_HEADER, slug);
  // Documents only: a client-side navigation (an RSC request) shows the same page without a status.
  const status = req.headers.has("rsc") ? null : await tracePageStatus(req.nextUrl.pathname, user, slug);
  const res = NextResponse.next({ request: { headers }, status: status ?? undefined });
  if (req.cookies.get(PROJECT_COOKIE)?.value !== slug) {
    res.cookies.set(PROJECT_COOKIE, slug, { httpOnly: true, sameSite: "lax", path: "/", maxAge: YEAR_S });
  }
  return res;
}

async function toSignIn(req: NextRequest) {
  const target = req.nextUrl.clone();
  target.search = "";
  if (!(await ownerExists())) {
    target.pathname = "/setup";
  } else {
    target.pathname = "/sign-in";
    const here = req.nextUrl.pathname + req.nextUrl.search;
    if (here !== "/") target.searchParams.set("next", here);
  }
  return NextResponse.redirect(target);
}

export const config = {
  // Everything but APIs, ingest, health, the sign-in, setup, invite and public snapshot pages, and static files.
  matcher: ["/((?!api/|v1/|health|sign-in|setup|invite/|snapshots/|_next/static|_next/image|favicon.ico).*)"],
};

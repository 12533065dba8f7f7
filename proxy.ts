import { NextResponse, type NextRequest } from "next/server";
import { sessionUser } from "@/lib/auth/server";
import { ownerExists } from "@/lib/db/users";

/**
 * Pages need a session. Without one, the visitor goes to /sign-in with the whole URL in
 * `next`, so a shared link opens after signing in; before any owner exists, to /setup.
 * APIs authorize themselves (lib/http/auth.ts) and answer 401 JSON instead of redirecting.
 */
export async function proxy(req: NextRequest) {
  if (await sessionUser(req.headers)) return NextResponse.next();
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
  // Everything but APIs, ingest, health, the sign-in and setup pages, and static files.
  matcher: ["/((?!api/|v1/|health|sign-in|setup|_next/static|_next/image|favicon.ico).*)"],
};

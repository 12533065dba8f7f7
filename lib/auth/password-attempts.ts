import { clientAddress } from "./client-address";
import { blockedFor, recordFailure, tooManyFailures } from "./failure-limiter";

const SIGN_IN_PATH = /\/api\/auth\/sign-in\/email$/;

/**
 * Wraps better-auth's handler so wrong passwords count, per address and per account, and
 * either reaching FAILURE_LIMIT gets 429 with Retry-After. better-auth's own rate limit
 * counts every attempt in a short window; this one remembers failures for longer, and the
 * per-account count holds even when an attacker rotates addresses.
 */
export async function withPasswordLimits(req: Request, handle: (req: Request) => Promise<Response>): Promise<Response> {
  if (req.method !== "POST" || !SIGN_IN_PATH.test(new URL(req.url).pathname)) return handle(req);
  const email = await req
    .clone()
    .json()
    .then((b: { email?: unknown }) => (typeof b?.email === "string" ? b.email.trim().toLowerCase() : ""))
    .catch(() => "");
  const who = ["addr:" + clientAddress(req.headers), ...(email ? ["account:" + email] : [])];
  const wait = Math.max(...who.map((w) => blockedFor(w)));
  if (wait) return tooManyFailures(wait);
  const res = await handle(req);
  if (res.status === 401) for (const w of who) recordFailure(w);
  return res;
}

import { randomInt } from "node:crypto";

/** A random private address: test files run in separate workers, so a counter would repeat across them. */
const someAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/**
 * Signs in through better-auth's own endpoint and returns the Cookie header a browser would
 * send. Each sign-in comes from its own (random private) address, as teammates' do, so
 * the suite's many sign-ins do not trip the per-address sign-in limit meant for attackers.
 */
export async function signInCookie(url: string, admin: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, "x-forwarded-for": someAddress() },
    body: JSON.stringify(admin),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

const signedIn = new Map<string, Promise<string>>();

/**
 * Headers that act as `who` on the server at `url`: their session cookie, and our own
 * Origin (state-changing requests need it). One sign-in per server and person, so the
 * sign-in rate limit is never in the way.
 */
export async function sessionHeaders(url: string, who: { email: string; password: string }): Promise<Record<string, string>> {
  const k = `${url} ${who.email}`;
  if (!signedIn.has(k)) signedIn.set(k, signInCookie(url, who));
  return { cookie: await signedIn.get(k)!, origin: url };
}

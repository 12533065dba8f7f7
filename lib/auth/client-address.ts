import { env } from "@/lib/env";

/**
 * The address a request came from, for rate limits. Next fills X-Forwarded-For with the
 * socket's address unless the request brought one, so without a proxy a client can claim
 * any address: the limits that matter also count per account (passwords), and keys are
 * 192 random bits. Behind SPANLENS_TRUSTED_PROXIES the proxy appends the real client, so
 * the last entry that is not one of them is believed.
 */
export function clientAddress(headers: Headers): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const trusted = new Set(env().trustedProxies);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i])) return hops[i];
  return hops[0] ?? "unknown";
}

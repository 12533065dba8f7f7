import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";

export interface TestIdentity {
  email: string;
  email_verified: boolean;
  name: string;
  /** Anything else the provider asserts, e.g. a claim that must not become a Spanlens role. */
  [claim: string]: unknown;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/**
 * A real OpenID provider (panva's certified `oidc-provider`) on a free port of 127.0.0.1.
 * Its quick-start pages ("devInteractions") sign in whatever account id is posted to them, then
 * ask for consent (always, for a native client); `identities` are the accounts it knows.
 */
export async function startOidcProvider(identities: Record<string, TestIdentity>): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "spanlens";
  const clientSecret = "a test client secret that is long enough";

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        // A native client's loopback redirect matches on any port (RFC 8252), so the provider
        // can start before Spanlens has one; a web client would have to name it.
        application_type: "native",
        redirect_uris: ["http://127.0.0.1/api/auth/callback/oidc"],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "role"] },
    async findAccount(_ctx, id) {
      const identity = identities[id];
      if (!identity) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...identity }) };
    },
    cookies: { keys: ["oidc test cookie key"] },
  };
  const provider = new Provider(issuer, configuration);
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A browser's cookie store, per origin (both servers share 127.0.0.1, so host alone would mix them). */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  header(url: string): string {
    const cookies = this.byOrigin.get(new URL(url).origin);
    return cookies ? [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") : "";
  }

  has(url: string, name: string): boolean {
    return this.byOrigin.get(new URL(url).origin)?.has(name) ?? false;
  }

  store(url: string, res: Response) {
    const origin = new URL(url).origin;
    const cookies = this.byOrigin.get(origin) ?? new Map<string, string>();
    this.byOrigin.set(origin, cookies);
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const expired = attrs.some((a) => /^\s*max-age=(0|-\d+)\s*$/i.test(a))
        || attrs.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split("=")[1]) < Date.now());
      if (expired) cookies.delete(name);
      else cookies.set(name, pair.slice(eq + 1).trim());
    }
  }

  /** One request as a browser makes it: its cookies go along, redirects are not followed. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.header(url);
    if (cookie) headers.set("cookie", cookie);
    const res = await fetch(url, { ...init, headers, redirect: "manual" });
    this.store(url, res);
    return res;
  }

  /** GETs `url` and follows redirects until `stop` says the next URL is the one to look at, which is returned unfetched. */
  async follow(url: string, stop: (next: URL) => boolean): Promise<URL> {
    let current = new URL(url);
    for (let hop = 0; hop < 20; hop++) {
      const res = await this.fetch(current.href);
      const location = res.headers.get("location");
      if (res.status < 300 || res.status >= 400 || !location) {
        throw new Error(`expected a redirect from ${current.href}, got ${res.status}: ${(await res.text()).slice(0, 500)}`);
      }
      await res.body?.cancel();
      current = new URL(location, current);
      if (stop(current)) return current;
    }
    throw new Error(`more than 20 redirects from ${url}`);
  }
}

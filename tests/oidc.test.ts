import path from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { base } from "./http";
import { CookieJar, startOidcProvider, type TestOidcProvider } from "./oidc-provider";
import { freePort, startServer, TEST_ADMIN, type TestServer } from "./server";

/*
 * Single sign-on end to end: a real OpenID provider in this process, the real Spanlens server,
 * and plain HTTP between them as a browser would send it.
 */
const IDENTITIES = {
  // Mixed case on both sides: the domain check ignores case.
  ada: { email: "Ada@CORP.test", email_verified: true, name: "Ada", role: "owner" },
  eve: { email: "eve@other.test", email_verified: true, name: "Eve" },
  sub: { email: "sam@eu.corp.test", email_verified: true, name: "Sam" },
  unverified: { email: "mallory@corp.test", email_verified: false, name: "Mallory" },
  // The owner's email, once verified by the provider and once only claimed.
  owner: { email: TEST_ADMIN.email.replace("spanlens.test", "corp.test"), email_verified: true, name: "Owner" },
  impostor: { email: TEST_ADMIN.email.replace("spanlens.test", "corp.test"), email_verified: false, name: "Impostor" },
};
const OWNER = { email: IDENTITIES.owner.email, password: TEST_ADMIN.password };

let op: TestOidcProvider;
let server: TestServer;

/** A Spanlens server signing in through `op`. SSO needs SPANLENS_URL (the callback URL is built from it), so the port is chosen first. */
async function startSsoServer(opts: { allowedDomain?: string; dataDir?: string } = {}) {
  const port = await freePort();
  return startServer({
    port,
    dataDir: opts.dataDir,
    env: {
      SPANLENS_URL: `http://127.0.0.1:${port}`,
      SPANLENS_ADMIN_EMAIL: OWNER.email,
      SPANLENS_ADMIN_PASSWORD: OWNER.password,
      SPANLENS_OIDC_ISSUER: op.issuer,
      SPANLENS_OIDC_CLIENT_ID: op.clientId,
      SPANLENS_OIDC_CLIENT_SECRET: op.clientSecret,
      SPANLENS_OIDC_NAME: "Corp ID",
      ...(opts.allowedDomain ? { SPANLENS_OIDC_ALLOWED_DOMAIN: opts.allowedDomain } : {}),
    },
  });
}

beforeAll(async () => {
  op = await startOidcProvider(IDENTITIES);
  server = await startSsoServer({ allowedDomain: "Corp.Test" });
});
afterAll(async () => {
  await server?.stop();
  await op?.stop();
});

const NEXT = "/traces?since=1h&q=%7B%7D";

/** Clicks "Sign in with Corp ID" on /sign-in?next=NEXT, signs in at the provider as `account`, and returns where Spanlens sends the browser. */
async function signInWithSso(account: keyof typeof IDENTITIES, app = server) {
  const jar = new CookieJar();
  const start = await jar.fetch(`${app.url}/api/auth/sign-in/social`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url },
    body: JSON.stringify({
      provider: "oidc", callbackURL: NEXT, errorCallbackURL: `/sign-in?next=${encodeURIComponent(NEXT)}`, disableRedirect: true,
    }),
  });
  expect(start.status, app.log()).toBe(200);
  const { url } = (await start.json()) as { url: string };
  expect(url.startsWith(`${op.issuer}/`)).toBe(true);

  const atProvider = (u: URL) => u.pathname.startsWith("/interaction/");
  const backHome = (u: URL) => u.origin === app.url && !u.pathname.startsWith("/api/auth/");
  const login = await jar.follow(url, atProvider);
  const consent = await submitInteraction(jar, login, { prompt: "login", login: account, password: "any" }, atProvider);
  const landing = await submitInteraction(jar, consent, { prompt: "consent" }, backHome);
  return { jar, landing };
}

/** Opens one of the provider's pages, checks it asks for `form.prompt`, submits it, and follows on to where `stop` says. */
async function submitInteraction(jar: CookieJar, page: URL, form: Record<string, string>, stop: (u: URL) => boolean) {
  const html = await (await jar.fetch(page.href)).text();
  expect(html).toContain(`name="prompt" value="${form.prompt}"`);
  const res = await jar.fetch(page.href, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
  expect(res.status).toBe(303);
  return jar.follow(new URL(res.headers.get("location")!, page).href, stop);
}

async function sessionOf(jar: CookieJar, app = server) {
  const res = await jar.fetch(`${app.url}/api/auth/get-session`);
  expect(res.status).toBe(200);
  return (await res.json()) as { user: { id: string; email: string; role: string } } | null;
}

async function usersWithEmail(email: string) {
  const db = createClient({ url: `file:${path.join(server.dataDir, "app.db")}` });
  try {
    const rows = await db.execute({ sql: "select id from users where email = ?", args: [email.toLowerCase()] });
    return rows.rows.length;
  } finally {
    db.close();
  }
}

describe("single sign-on with an OpenID provider", () => {
  it("shows the provider's button on the sign-in page", async () => {
    const html = await (await fetch(`${server.url}/sign-in?next=${encodeURIComponent(NEXT)}`)).text();
    expect(html).toContain("Sign in with Corp ID");
  });

  it("signs in a verified user of the allowed domain, creates a member, and opens the page that was asked for", async () => {
    const { jar, landing } = await signInWithSso("ada");
    expect(landing.pathname + landing.search).toBe(NEXT);
    const session = await sessionOf(jar);
    expect(session?.user.email).toBe("ada@corp.test");
    // The provider's "role" claim is ignored: SSO users are members.
    expect(session?.user.role).toBe("member");
    // A new SSO user belongs to no project until invited or added: the page says whom to ask.
    const page = await jar.fetch(landing.href);
    expect(page.status).toBe(307);
    const noAccess = new URL(page.headers.get("location")!, server.url);
    expect(noAccess.pathname).toBe("/no-access");
    const explained = await jar.fetch(noAccess.href);
    expect(explained.status).toBe(200);
    expect(await explained.text()).toContain("No projects yet");

    // Signing in again finds the same user.
    const again = await signInWithSso("ada");
    expect((await sessionOf(again.jar))?.user.id).toBe(session?.user.id);
    expect(await usersWithEmail("ada@corp.test")).toBe(1);
  });

  it("refuses other domains, subdomains and unverified emails, without a user or a session", async () => {
    for (const [account, error] of [
      ["eve", "email_domain_not_allowed"],
      ["sub", "email_domain_not_allowed"],
      ["unverified", "email_not_verified"],
    ] as const) {
      const { jar, landing } = await signInWithSso(account);
      expect(landing.pathname, account).toBe("/sign-in");
      expect(landing.searchParams.get("error"), account).toBe(error);
      expect(landing.searchParams.get("next"), account).toBe(NEXT);
      expect(await sessionOf(jar), account).toBeNull();
      expect(await usersWithEmail(IDENTITIES[account].email), account).toBe(0);
    }
    const page = await fetch(`${server.url}/sign-in?next=${encodeURIComponent(NEXT)}&error=email_domain_not_allowed`);
    expect(await page.text()).toContain("Only @corp.test accounts can sign in with Corp ID.");
  });

  it("joins the owner's password account when the provider verified its email, and not on a mere claim", async () => {
    const refused = await signInWithSso("impostor");
    expect(refused.landing.searchParams.get("error")).toBe("account_not_linked");
    expect(await sessionOf(refused.jar)).toBeNull();

    const { jar, landing } = await signInWithSso("owner");
    expect(landing.pathname + landing.search).toBe(NEXT);
    expect((await sessionOf(jar))?.user).toMatchObject({ email: OWNER.email, role: "owner" });
    expect(await usersWithEmail(OWNER.email)).toBe(1);
  });
});

describe("an allowed domain set after users of other domains signed in", () => {
  it("keeps them out from then on", async () => {
    const open = await startSsoServer();
    try {
      const before = await signInWithSso("eve", open);
      expect((await sessionOf(before.jar, open))?.user.email).toBe("eve@other.test");
    } finally {
      await open.crash(); // keeps the data dir
    }
    const closed = await startSsoServer({ allowedDomain: "corp.test", dataDir: open.dataDir });
    try {
      const after = await signInWithSso("eve", closed);
      expect(after.landing.searchParams.get("error")).toBe("email_domain_not_allowed");
      expect(await sessionOf(after.jar, closed)).toBeNull();
    } finally {
      await closed.stop();
    }
  });
});

describe("without SPANLENS_OIDC_*", () => {
  it("shows no SSO button and has no provider to start", async () => {
    // The shared test server has no single sign-on configured.
    const html = await (await fetch(`${base()}/sign-in`)).text();
    expect(html).toContain("Password");
    expect(html).not.toContain("Sign in with");
    const res = await fetch(`${base()}/api/auth/sign-in/social`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base() },
      body: JSON.stringify({ provider: "oidc", callbackURL: "/", disableRedirect: true }),
    });
    expect(res.status).toBe(404);
  });
});

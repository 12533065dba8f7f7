import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { getAppDb, getAppStoreDialect, type AppDb } from "@/lib/db/client";
import type { AppStoreDialect } from "@/lib/db/app-store-config";
import { accounts, sessions, users, verifications } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { appOrigin } from "@/lib/http/origin";
import { processSingleton } from "@/lib/process-singleton";
import { authSecret } from "./secret";
import { ssoDatabaseHooks, ssoPlugins } from "./sso";

/** Sign-in attempts one address may make per window before it gets 429s. */
export const SIGN_IN_LIMIT = { window: 60, max: 10 } as const;

function createAuth(db: AppDb, dialect: AppStoreDialect) {
  const { oidc } = env();
  return betterAuth({
    appName: "Spanlens",
    // Without SPANLENS_URL the origin comes from each request (see appOrigin).
    baseURL: env().publicUrl,
    secret: authSecret(),
    // The tables are the dialect's own at run time (lib/db/schema/index.ts); the provider
    // must name the same dialect, since better-auth builds some of its SQL per provider.
    database: drizzleAdapter(db, {
      provider: dialect,
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    // Accounts are made by the instance owner (first start, /setup, later invites), never by
    // email sign-up. Single sign-on may make them (lib/auth/sso.ts says who is let in).
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 128 },
    user: { additionalFields: { role: { type: "string", required: false, defaultValue: "member", input: false } } },
    // An SSO identity joins an existing user of the same email only when the provider says it
    // verified that email. "oidc" is deliberately not a trusted provider: trust would join them
    // on an unverified claim, and whoever controls the claim would get the owner's account.
    account: { accountLinking: { enabled: true, trustedProviders: [] } },
    databaseHooks: ssoDatabaseHooks(oidc),
    // Callback errors without a usable state land on the sign-in page, not better-auth's own.
    onAPIError: { errorURL: "/sign-in" },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // On in every mode (better-auth turns it on only when NODE_ENV is production), and
    // stricter for sign-in than better-auth's default.
    rateLimit: {
      enabled: true,
      storage: "memory",
      customRules: { "/sign-in/*": { ...SIGN_IN_LIMIT } },
    },
    trustedOrigins: (req) => [req ? appOrigin(req) : env().publicUrl].filter((o): o is string => !!o),
    advanced: {
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      ipAddress: { trustedProxies: env().trustedProxies },
    },
    telemetry: { enabled: false },
    // nextCookies must stay last: it copies Set-Cookie into server actions' responses.
    plugins: [...ssoPlugins(oidc), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const holder = processSingleton("betterAuth", () => ({ auth: null as Promise<Auth> | null }));

/** The one better-auth instance of this process, on the app store. */
export function getAuth(): Promise<Auth> {
  holder.auth ??= Promise.all([getAppDb(), getAppStoreDialect()]).then(([db, dialect]) => createAuth(db, dialect));
  holder.auth.catch(() => (holder.auth = null));
  return holder.auth;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: string;
}

/** The signed-in user of a request (from its session cookie), or null. */
export async function sessionUser(headers: Headers): Promise<SessionUser | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const { id, email, name, role } = session.user as typeof session.user & { role?: string };
  return { id, email, name, role: role ?? "member" };
}

import type { BetterAuthOptions, GenericEndpointContext } from "better-auth";
import { APIError } from "better-auth/api";
import { genericOAuth } from "better-auth/plugins";
import type { OidcEnv } from "@/lib/env";
import { emailInDomain, OIDC_PROVIDER_ID, SSO_REFUSED, ssoRefusal } from "./sso-policy";

type DatabaseHooks = NonNullable<BetterAuthOptions["databaseHooks"]>;

/** The configured OpenID provider as a better-auth social provider (`/sign-in/social`, `/callback/oidc`). */
export function ssoPlugins(oidc: OidcEnv | undefined) {
  if (!oidc) return [];
  return [
    genericOAuth({
      config: [
        {
          providerId: OIDC_PROVIDER_ID,
          name: oidc.name,
          discoveryUrl: oidc.discoveryUrl,
          clientId: oidc.clientId,
          clientSecret: oidc.clientSecret,
          scopes: ["openid", "email", "profile"],
          pkce: true,
          // Without the provider's keys an ID token would only be decoded, not checked.
          requireIdTokenVerification: true,
        },
      ],
    }),
  ];
}

/** Both ways better-auth signs in with the provider: its redirect callback, and an ID token posted to /sign-in/social. */
function isSsoSignIn(ctx: GenericEndpointContext | null | undefined): ctx is GenericEndpointContext {
  if (!ctx) return false;
  if (ctx.path === "/callback/:id") return ctx.params?.id === OIDC_PROVIDER_ID;
  if (ctx.path === "/sign-in/social") return (ctx.body as { provider?: unknown } | undefined)?.provider === OIDC_PROVIDER_ID;
  return false;
}

function refuse(code: string): never {
  // The callback turns an APIError's code into `?error=<code>` on the sign-in page.
  throw new APIError("FORBIDDEN", { code, message: code });
}

/**
 * The SSO admission rules, as database hooks because those run inside better-auth's callback
 * before anything is written. (better-auth's `user.validateUserInfo` would fit, but it demands
 * an endpoint context for every user created, and the owner is created outside one.)
 * - a new user needs a verified email, of the allowed domain when one is set;
 * - every SSO session, for a returning or a just-linked user, needs the allowed domain, so
 *   setting SPANLENS_OIDC_ALLOWED_DOMAIN later also locks out earlier users of other domains.
 */
export function ssoDatabaseHooks(oidc: OidcEnv | undefined): DatabaseHooks | undefined {
  if (!oidc) return undefined;
  const { allowedDomain } = oidc;
  return {
    user: {
      create: {
        before: async (user, ctx) => {
          if (!isSsoSignIn(ctx)) return;
          const refusal = ssoRefusal(user, allowedDomain);
          if (refusal) refuse(refusal);
        },
      },
    },
    session: {
      create: {
        before: async (session, ctx) => {
          if (!allowedDomain || !isSsoSignIn(ctx)) return;
          const user = await ctx.context.internalAdapter.findUserById(session.userId);
          if (!user || !emailInDomain(user.email, allowedDomain)) refuse(SSO_REFUSED.domain);
        },
      },
    },
  };
}

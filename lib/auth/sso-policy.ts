/** better-auth's provider id for the one configured OpenID provider; it is part of the callback URL. */
export const OIDC_PROVIDER_ID = "oidc";

/** Codes the SSO callback sends back to /sign-in as `?error=`, besides better-auth's own. */
export const SSO_REFUSED = {
  domain: "email_domain_not_allowed",
  unverified: "email_not_verified",
} as const;

/** True when `email` is exactly at `domain` (not a subdomain of it), in any letter case. */
export function emailInDomain(email: string, domain: string): boolean {
  const at = email.lastIndexOf("@");
  return at > 0 && email.slice(at + 1).toLowerCase() === domain.toLowerCase();
}

/**
 * Why an SSO identity may not have an account here, or null when it may. A new account needs
 * an email the provider has verified: an unverified claim may name someone else's address.
 */
export function ssoRefusal(
  user: { email: string; emailVerified: boolean },
  allowedDomain: string | undefined,
): (typeof SSO_REFUSED)[keyof typeof SSO_REFUSED] | null {
  if (allowedDomain && !emailInDomain(user.email, allowedDomain)) return SSO_REFUSED.domain;
  if (!user.emailVerified) return SSO_REFUSED.unverified;
  return null;
}

/**
 * What an `?error=` code on /sign-in means for the person signing in. Only known codes get
 * their own text; the provider's `error_description` is never shown, because anyone can put
 * words in a link.
 */
export function ssoErrorMessage(code: string, opts: { name: string; allowedDomain?: string }): string {
  switch (code) {
    case SSO_REFUSED.domain:
      return opts.allowedDomain
        ? `Only @${opts.allowedDomain} accounts can sign in with ${opts.name}. Sign in with an account of that domain, or ask an admin.`
        : `This account may not sign in with ${opts.name}.`;
    case SSO_REFUSED.unverified:
      return `${opts.name} has not verified the email of this account, so Spanlens cannot use it. Verify it with ${opts.name} and try again.`;
    case "account_not_linked":
      return `An account with this email already exists here, and ${opts.name} has not verified the email, so they were not joined. Sign in with your password, or verify the email with ${opts.name}.`;
    case "access_denied":
      return `Sign-in with ${opts.name} was cancelled.`;
    case "state_mismatch":
    case "state_not_found":
    case "state_invalid":
      return `The sign-in with ${opts.name} expired or was started in another browser. Try again.`;
    case "oauth_provider_not_found":
      return "Single sign-on is not configured on this server.";
    default:
      return `Sign-in with ${opts.name} failed (${/^[a-z0-9_]{1,64}$/i.test(code) ? code : "unknown error"}). Try again, or ask an admin to check the server log.`;
  }
}

"use client";

import { useState } from "react";
import { fullPageLoad } from "./full-page-load";
import { buttonClass } from "@/components/ui/button";
import { OIDC_PROVIDER_ID } from "@/lib/auth/sso-policy";

/**
 * Asks better-auth for the provider's authorization URL and goes there. The provider comes back
 * to better-auth's callback, which opens `next` when signed in, or this page with `?error=`.
 */
export async function startSso(next: string): Promise<string> {
  const back = new URLSearchParams(next !== "/" ? { next } : {}).toString();
  const res = await fetch("/api/auth/sign-in/social", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      provider: OIDC_PROVIDER_ID,
      callbackURL: next,
      errorCallbackURL: back ? `/sign-in?${back}` : "/sign-in",
      disableRedirect: true,
    }),
  });
  const body = (await res.json().catch(() => null)) as { url?: string; message?: string } | null;
  if (!res.ok || !body?.url) throw new Error(body?.message ?? `the server answered ${res.status}`);
  return body.url;
}

/** "Sign in with <name>", then a divider before the email form. */
export function SsoSignIn({ name, next, error }: { name: string; next: string; error: string | null }) {
  const [problem, setProblem] = useState<string | null>(error);
  const [pending, setPending] = useState(false);

  async function onClick() {
    setPending(true);
    setProblem(null);
    try {
      fullPageLoad(await startSso(next));
    } catch (e) {
      setProblem(`Could not start sign-in with ${name}: ${e instanceof Error ? e.message : String(e)}. Try again.`);
      setPending(false);
    }
  }

  return (
    <div className="mb-4 flex flex-col gap-3">
      <button
        type="button"
        onClick={onClick}
        disabled={pending}
        aria-describedby={problem ? "sso-error" : undefined}
        className={buttonClass("secondary", "h-8 justify-center")}
      >
        {pending ? `Opening ${name}…` : `Sign in with ${name}`}
      </button>
      {problem && (
        <p id="sso-error" role="alert" className="text-error" data-testid="sso-error">
          {problem}
        </p>
      )}
      <div className="flex items-center gap-2 text-xs text-muted" aria-hidden>
        <span className="h-px flex-1 bg-line" />
        or
        <span className="h-px flex-1 bg-line" />
      </div>
    </div>
  );
}

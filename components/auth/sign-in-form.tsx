"use client";

import { useRef, useState } from "react";
import { fullPageLoad } from "./full-page-load";
import { Field } from "./auth-card";
import { buttonClass } from "@/components/ui/button";

/** What a failed sign-in answer means for the person typing. */
export async function signInProblem(res: Response): Promise<string> {
  if (res.status === 401) return "Wrong email or password.";
  if (res.status === 429) {
    const wait = Number(res.headers.get("x-retry-after") ?? res.headers.get("retry-after"));
    return `Too many sign-in attempts from this address. Try again in ${Number.isFinite(wait) && wait > 0 ? `${wait} s` : "a minute"}.`;
  }
  const body = (await res.json().catch(() => null)) as { message?: string } | null;
  return body?.message ?? `Sign-in failed (the server answered ${res.status}). Try again.`;
}

export function signIn(email: string, password: string) {
  return fetch("/api/auth/sign-in/email", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
}

/** Email and password; on success a full page load of `next`, so the server sees the new cookie. */
export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await signIn(String(form.get("email")), String(form.get("password")));
      if (res.ok) {
        fullPageLoad(next);
        return;
      }
      setError(await signInProblem(res));
      emailRef.current?.focus();
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-describedby={error ? "sign-in-error" : undefined}>
      <Field ref={emailRef} id="email" label="Email" type="email" autoComplete="username" required autoFocus error={error ? "" : null} />
      <Field id="password" label="Password" type="password" autoComplete="current-password" required error={error ? "" : null} />
      {error && (
        <p id="sign-in-error" role="alert" className="text-error" data-testid="sign-in-error">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className={buttonClass("primary", "h-8 justify-center")}
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

"use client";

import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "./auth-card";
import { fullPageLoad } from "./full-page-load";
import { signIn, signInProblem } from "./sign-in-form";

type Joined = { project: { slug: string } };
type Problem = { field: "name" | "email" | "password" | null; message: string };

async function problemOf(res: Response): Promise<Problem> {
  const body = (await res.json().catch(() => null)) as { error?: string; field?: Problem["field"] } | null;
  return { field: body?.field ?? null, message: body?.error ?? `The server answered ${res.status}. Try again.` };
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

const open = (joined: Joined) => fullPageLoad(`/?project=${encodeURIComponent(joined.project.slug)}`);

/** A signed-in person joins with one click. */
export function InviteAccept({ token, email }: { token: string; email: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function accept() {
    setPending(true);
    setProblem(null);
    const res = await post("/api/invites/accept", { token }).catch(() => null);
    if (res?.ok) return open((await res.json()) as Joined);
    setProblem(res ? (await problemOf(res)).message : "Could not reach the server. Try again.");
    setPending(false);
  }
  return (
    <div className="flex flex-col gap-3">
      <p className="text-muted">You are signed in as {email}.</p>
      {problem && <p role="alert" className="text-error">{problem}</p>}
      <button type="button" onClick={accept} disabled={pending} className={buttonClass("primary", "h-8 justify-center")}>
        {pending ? "Joining…" : "Join the project"}
      </button>
    </div>
  );
}

/** A newcomer makes an account through the invite, and is signed in. */
export function InviteSignUp({ token, email, signInHref }: { token: string; email: string | null; signInHref: string }) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = { token, name: String(form.get("name")), email: email ?? String(form.get("email")), password: String(form.get("password")) };
    setPending(true);
    setProblem(null);
    try {
      const res = await post("/api/invites/sign-up", input);
      if (!res.ok) {
        setProblem(await problemOf(res));
        setPending(false);
        return;
      }
      const joined = (await res.json()) as Joined;
      const signedIn = await signIn(input.email, input.password);
      if (!signedIn.ok) {
        setProblem({ field: null, message: `Your account exists, but signing in failed: ${await signInProblem(signedIn)}` });
        setPending(false);
        return;
      }
      open(joined);
    } catch {
      setProblem({ field: null, message: "Could not reach the server. Check your connection and try again." });
      setPending(false);
    }
  }

  const on = (field: Problem["field"]) => (problem?.field === field ? problem.message : null);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" data-testid="invite-sign-up">
      <Field id="name" label="Name" autoComplete="name" autoFocus error={on("name")} />
      {email ? (
        <Field id="email" label="Email" type="email" value={email} readOnly />
      ) : (
        <Field id="email" label="Email" type="email" autoComplete="username" required error={on("email")} />
      )}
      <Field id="password" label="Password (at least 8 characters)" type="password" autoComplete="new-password" required minLength={8} error={on("password")} />
      {problem && !problem.field && <p role="alert" className="text-error">{problem.message}</p>}
      {problem?.field && <p role="alert" className="sr-only">{problem.message}</p>}
      <button type="submit" disabled={pending} className={buttonClass("primary", "h-8 justify-center")}>
        {pending ? "Creating your account…" : "Create account and join"}
      </button>
      <p className="text-xs text-muted">
        Already have an account? <a className="text-accent underline" href={signInHref}>Sign in</a> and open this link again.
      </p>
    </form>
  );
}

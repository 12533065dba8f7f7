"use client";

import { useState } from "react";
import { fullPageLoad } from "./full-page-load";
import { Field } from "./auth-card";
import { signIn, signInProblem } from "./sign-in-form";
import { buttonClass } from "@/components/ui/button";

type Problem = { field: "name" | "email" | "password" | null; message: string };

/** Creates the instance owner, then signs them in and opens the dashboard. */
export function SetupForm() {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = { name: String(form.get("name")), email: String(form.get("email")), password: String(form.get("password")) };
    setPending(true);
    setProblem(null);
    try {
      const res = await fetch("/api/setup", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(input),
      });
      if (res.status === 404) {
        fullPageLoad("/sign-in");
        return;
      }
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: string; field?: Problem["field"] } | null;
        setProblem({ field: body?.field ?? null, message: body?.error ?? `Setup failed (the server answered ${res.status}).` });
        setPending(false);
        return;
      }
      const signedIn = await signIn(input.email, input.password);
      if (!signedIn.ok) {
        setProblem({ field: null, message: `The account exists, but signing in failed: ${await signInProblem(signedIn)}` });
        setPending(false);
        return;
      }
      fullPageLoad("/");
    } catch {
      setProblem({ field: null, message: "Could not reach the server. Check your connection and try again." });
      setPending(false);
    }
  }

  const on = (field: Problem["field"]) => (problem?.field === field ? problem.message : null);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3">
      <Field id="name" label="Name" autoComplete="name" autoFocus error={on("name")} />
      <Field id="email" label="Email" type="email" autoComplete="username" required error={on("email")} />
      <Field id="password" label="Password (at least 8 characters)" type="password" autoComplete="new-password" required minLength={8} error={on("password")} />
      {problem && !problem.field && <p role="alert" className="text-error">{problem.message}</p>}
      {problem?.field && <p role="alert" className="sr-only">{problem.message}</p>}
      <button
        type="submit"
        disabled={pending}
        className={buttonClass("primary", "h-8 justify-center")}
      >
        {pending ? "Creating…" : "Create the admin account"}
      </button>
    </form>
  );
}

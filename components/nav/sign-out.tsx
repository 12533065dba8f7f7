"use client";

import { useState } from "react";
import { fullPageLoad } from "@/components/auth/full-page-load";
import { useHydrated } from "@/components/ui/use-now";

/** Who is signed in, and the way out. A full page load after, so no signed-in page stays cached. */
export function SignOut({ user }: { user: { email: string; name: string } }) {
  const [state, setState] = useState<"idle" | "pending" | "failed">("idle");
  // Disabled until hydrated: a click on the server-rendered button before then would do nothing.
  const hydrated = useHydrated();
  async function signOut() {
    setState("pending");
    const res = await fetch("/api/auth/sign-out", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    }).catch(() => null);
    if (res?.ok) fullPageLoad("/sign-in");
    else setState("failed");
  }
  return (
    <div className="flex flex-col gap-1 text-xs">
      <span className="truncate text-muted" title={user.email} data-testid="signed-in-as">{user.email}</span>
      <button type="button" onClick={signOut} disabled={!hydrated || state === "pending"} className="text-left text-muted hover:text-fg disabled:opacity-50">
        {state === "pending" ? "Signing out…" : "Sign out"}
      </button>
      {state === "failed" && <span role="alert" className="text-error">Could not sign out; try again.</span>}
    </div>
  );
}

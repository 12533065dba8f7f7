import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoSignIn } from "@/components/auth/sso-sign-in";
import { safeNext } from "@/lib/auth/next-url";
import { sessionUser } from "@/lib/auth/server";
import { ssoErrorMessage } from "@/lib/auth/sso-policy";
import { ownerExists } from "@/lib/db/users";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNext(params.next);
  if (!(await ownerExists())) redirect("/setup");
  if (await sessionUser(await headers())) redirect(next);
  const { oidc } = env();
  // Single sign-on comes back here with ?error=<code> when it failed.
  const ssoError = oidc && typeof params.error === "string" ? ssoErrorMessage(params.error, oidc) : null;
  return (
    <AuthCard title="Sign in" intro={next !== "/" ? "Sign in to open the page you were sent." : undefined}>
      {oidc && <SsoSignIn name={oidc.name} next={next} error={ssoError} />}
      <SignInForm next={next} />
    </AuthCard>
  );
}

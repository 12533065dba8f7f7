import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNext } from "@/lib/auth/next-url";
import { sessionUser } from "@/lib/auth/server";
import { ownerExists } from "@/lib/db/users";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  if (!(await ownerExists())) redirect("/setup");
  if (await sessionUser(await headers())) redirect(next);
  return (
    <AuthCard title="Sign in" intro={next !== "/" ? "Sign in to open the page you were sent." : undefined}>
      <SignInForm next={next} />
    </AuthCard>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { ownerExists } from "@/lib/db/users";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

/** Reachable only while no owner exists; afterwards it sends everyone to sign in. */
export default async function SetupPage() {
  if (await ownerExists()) redirect("/sign-in");
  return (
    <AuthCard
      title="Create the admin account"
      intro="This server has no accounts yet. The account you create here owns this Spanlens instance; this page disappears once it exists."
    >
      <SetupForm />
    </AuthCard>
  );
}

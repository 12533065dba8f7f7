import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { DashboardFrame } from "@/components/nav/dashboard-frame";
import { sessionUser } from "@/lib/auth/server";

/** proxy.ts already sent visitors without a session to sign in (keeping their URL); this
 * check stays beside the data in case a matcher change ever lets one through. */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await sessionUser(await headers());
  if (!user) redirect("/sign-in");
  return <DashboardFrame user={{ email: user.email, name: user.name }}>{children}</DashboardFrame>;
}

import type { Metadata } from "next";
import { headers } from "next/headers";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignOut } from "@/components/nav/sign-out";
import { projectChoices } from "@/lib/auth/page-access";
import { sessionUser } from "@/lib/auth/server";

export const metadata: Metadata = { title: "Ask for access" };

/**
 * Where a link to a project you are not a member of lands: it says so, never whether the
 * project exists or what is in it, and offers the projects you do have.
 */
export default async function NoAccessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await sessionUser(await headers());
  if (!user) redirect("/sign-in");
  const raw = (await searchParams).project;
  const wanted = typeof raw === "string" && raw ? raw : null;
  const mine = await projectChoices(user);
  return (
    <AuthCard title={wanted ? "Ask an admin for access" : "No projects yet"}>
      <div className="flex flex-col gap-3" data-testid="no-access">
        {wanted ? (
          <p>
            You ({user.email}) are not a member of project <strong className="font-mono">{wanted}</strong>. Ask an admin of
            that project to invite you, then open the link again.
          </p>
        ) : (
          <p>You ({user.email}) are not a member of any project yet. Ask an admin for an invite link.</p>
        )}
        {mine.length > 0 && (
          <div>
            <p className="mb-1 text-xs font-medium text-muted">Your projects</p>
            <ul className="flex flex-col gap-1">
              {mine.map((p) => (
                <li key={p.slug}>
                  <Link className="text-accent underline" href={`/?project=${encodeURIComponent(p.slug)}`}>
                    {p.name}
                  </Link>{" "}
                  <span className="text-xs text-muted">({p.role})</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <SignOut user={{ email: user.email, name: user.name }} />
      </div>
    </AuthCard>
  );
}

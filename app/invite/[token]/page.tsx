import type { Metadata } from "next";
import { headers } from "next/headers";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { AuthCard } from "@/components/auth/auth-card";
import { InviteAccept, InviteSignUp } from "@/components/auth/invite-forms";
import { sessionUser } from "@/lib/auth/server";
import { inviteByToken } from "@/lib/db/invites";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

/**
 * An invite link: a signed-in person joins with one click; anyone else creates an account
 * here (there is no open sign-up) or signs in first and comes back. The token is the only
 * secret in the URL, so the page sends no Referer.
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [found, user] = await Promise.all([inviteByToken(token), sessionUser(await headers())]);
  if (!found || found.invite.state !== "pending") {
    const why = !found ? "is not valid" : found.invite.state === "expired" ? "has expired" : `was ${found.invite.state}`;
    return (
      <AuthCard title="This invite cannot be used">
        <p data-testid="invite-invalid">
          The link {why}. Ask an admin of the project for a new one.{" "}
          {user ? <Link className="text-accent underline" href="/">Open Spanlens</Link> : <Link className="text-accent underline" href="/sign-in">Sign in</Link>}
        </p>
      </AuthCard>
    );
  }
  const { invite, project } = found;
  const intro = (
    <>
      You are invited to project <strong>{project.name}</strong> as <strong>{invite.role}</strong>. The link works once, until{" "}
      {invite.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC.
    </>
  );
  return (
    <AuthCard title="Join a project" intro={intro}>
      {user ? (
        <InviteAccept token={token} email={user.email} />
      ) : (
        <InviteSignUp token={token} email={invite.email} signInHref={`/sign-in?${new URLSearchParams({ next: `/invite/${token}` })}`} />
      )}
    </AuthCard>
  );
}

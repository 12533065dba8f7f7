"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { SecretBox } from "@/components/keys/secret-box";
import { useProject } from "@/components/project/project-context";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { LoadError } from "@/components/ui/load-error";
import type { Role } from "@/lib/auth/roles";
import { createInvite, fetchInvites, revokeInvite, teamKeys } from "./queries";
import { RoleSelect } from "./role-select";

const EXPIRY: [hours: number, label: string][] = [[24, "1 day"], [72, "3 days"], [168, "7 days"], [720, "30 days"]];

/** Invite links: made with a role and an expiry, shown once to copy, listed while pending, revocable. */
export function InvitesPanel() {
  const { slug } = useProject();
  const id = useId();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>("viewer");
  const [hours, setHours] = useState(168);
  const [email, setEmail] = useState("");
  const [made, setMade] = useState<{ url: string; expiresAt: string; role: Role } | null>(null);
  const query = useQuery({ queryKey: teamKeys.invites(slug), queryFn: () => fetchInvites(slug) });
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: teamKeys.invites(slug) }),
    queryClient.invalidateQueries({ queryKey: teamKeys.activity(slug) }),
  ]);
  const create = useMutation({
    mutationFn: () => createInvite(slug, { role, expiresInHours: hours, ...(email.trim() ? { email: email.trim() } : {}) }),
    onSuccess: async (r) => {
      setMade({ ...r, role });
      setEmail("");
      await refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (inviteId: string) => revokeInvite(slug, inviteId), onSuccess: refresh });
  const pending = (query.data ?? []).filter((i) => i.state === "pending");

  return (
    <div className="flex max-w-4xl flex-col gap-3">
      <p className="text-muted">
        An invite is a link you copy to a teammate (no mail server needed). It works once, until it expires; they create an
        account through it or sign in with theirs.
      </p>
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <RoleSelect label="Role of the invited person" value={role} onChange={setRole} />
        <label htmlFor={`${id}-expiry`} className="sr-only">Expires after</label>
        <select id={`${id}-expiry`} value={hours} onChange={(e) => setHours(Number(e.target.value))} className="h-7 rounded-md border border-line bg-bg px-1.5 text-[13px] text-fg">
          {EXPIRY.map(([h, label]) => <option key={h} value={h}>expires in {label}</option>)}
        </select>
        <label htmlFor={`${id}-email`} className="sr-only">Only for this email (optional)</label>
        <Input id={`${id}-email`} type="email" placeholder="Only for this email (optional)" value={email} onChange={(e) => setEmail(e.target.value)} className="w-64" />
        <Button type="submit" variant="primary" disabled={create.isPending}>{create.isPending ? "Creating…" : "Create invite link"}</Button>
        {create.isError && <p role="alert" className="basis-full text-xs text-error">{create.error.message}</p>}
      </form>
      {made && (
        <div className="rounded-lg border border-line bg-warn-bg p-3" role="status" data-testid="new-invite">
          <p className="mb-2">
            <span className="font-semibold">Invite as {made.role} created.</span> Copy the link now and send it to your teammate:
            it is shown only this once and works until {made.expiresAt.slice(0, 16).replace("T", " ")} UTC.
          </p>
          <SecretBox value={made.url} testId="new-invite-url" />
          <Button className="mt-2" onClick={() => setMade(null)}>Done, I copied it</Button>
        </div>
      )}
      {query.isError && <LoadError what="the invites" error={query.error} />}
      {revoke.isError && <p role="alert" className="text-error">{revoke.error.message}</p>}
      {pending.length > 0 && (
        <ul className="flex flex-col gap-1" data-testid="pending-invites">
          {pending.map((i) => (
            <li key={i.id} className="flex items-center gap-2">
              <span>{i.role}{i.email ? ` for ${i.email}` : ""}, until {i.expiresAt.slice(0, 16).replace("T", " ")} UTC</span>
              <Button variant="ghost" onClick={() => revoke.mutate(i.id)} aria-label={`Revoke the ${i.role} invite ${i.email ?? ""}`}>Revoke</Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

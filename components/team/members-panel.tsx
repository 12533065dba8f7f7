"use client";

import { SETTINGS_TD, SETTINGS_TH } from "@/components/ui/table-cells";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useProject } from "@/components/project/project-context";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { LoadError } from "@/components/ui/load-error";
import { SkeletonRows } from "@/components/ui/skeleton";
import { ROLE_ABILITY, ROLES, type Role } from "@/lib/auth/roles";
import { addMember, changeRole, fetchMembers, removeMember, teamKeys, type MemberRow } from "./queries";
import { RoleSelect } from "./role-select";

const TH = SETTINGS_TH;
const TD = SETTINGS_TD;

/** The project's members; admins change roles, remove people and add existing accounts. */
export function MembersPanel() {
  const { slug, role } = useProject();
  const admin = role === "admin";
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: teamKeys.members(slug), queryFn: () => fetchMembers(slug) });
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: teamKeys.members(slug) }),
    queryClient.invalidateQueries({ queryKey: teamKeys.activity(slug) }),
  ]);
  const change = useMutation({ mutationFn: (v: { userId: string; role: Role }) => changeRole(slug, v.userId, v.role), onSuccess: refresh });
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const remove = useMutation({
    mutationFn: (userId: string) => removeMember(slug, userId),
    onSuccess: async () => {
      await refresh();
      setRemoving(null);
    },
  });
  const members = query.data ?? [];

  return (
    <div className="flex max-w-4xl flex-col gap-3">
      <ul className="text-xs text-muted">
        {ROLES.map((r) => (
          <li key={r}><span className="font-medium text-fg">{r}</span>: {ROLE_ABILITY[r]}</li>
        ))}
      </ul>
      {admin && <AddMemberForm onAdded={refresh} />}
      {query.isError && <LoadError what="the members" error={query.error} />}
      {(change.error || remove.error) && <p role="alert" className="text-error">{(change.error ?? remove.error)!.message}</p>}
      {query.isPending ? (
        <SkeletonRows rows={2} columns={4} />
      ) : members.length === 0 ? (
        <EmptyState title="No members yet">
          {admin ? "Invite a teammate below: they get a link to join with the role you choose." : "Only the instance owner can open this project so far."}
        </EmptyState>
      ) : (
        <table className="w-full border-collapse" data-testid="member-table">
          <thead>
            <tr>
              <th scope="col" className={TH}>Email</th>
              <th scope="col" className={TH}>Name</th>
              <th scope="col" className={TH}>Role</th>
              <th scope="col" className={`${TH} w-24`}><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId} data-testid="member-row">
                <td className={`${TD} font-medium`}>{m.email}</td>
                <td className={TD}>{m.name}</td>
                <td className={TD}>
                  {admin ? (
                    <RoleSelect label={`Role of ${m.email}`} value={m.role} onChange={(r) => change.mutate({ userId: m.userId, role: r })} disabled={change.isPending} />
                  ) : (
                    m.role
                  )}
                </td>
                <td className={`${TD} text-right`}>
                  {admin && (
                    <Button variant="ghost" onClick={() => setRemoving(m)} aria-label={`Remove ${m.email}`}>Remove</Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={!!removing}
        title="Remove member"
        confirmLabel="Remove"
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing.userId)}
        onCancel={() => setRemoving(null)}
      >
        {removing?.email} loses access to this project at once. Their account stays, with their other projects.
      </ConfirmDialog>
    </div>
  );
}

function AddMemberForm({ onAdded }: { onAdded: () => Promise<unknown> }) {
  const { slug } = useProject();
  const id = useId();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const add = useMutation({
    mutationFn: () => addMember(slug, { email: email.trim(), role }),
    onSuccess: async () => {
      setEmail("");
      await onAdded();
    },
  });
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (email.trim()) add.mutate();
      }}
    >
      <label htmlFor={`${id}-email`} className="sr-only">Email of an existing account</label>
      <Input id={`${id}-email`} type="email" placeholder="Add an existing account by email" value={email} onChange={(e) => { setEmail(e.target.value); add.reset(); }} className="w-72" aria-invalid={add.isError} aria-describedby={add.isError ? `${id}-error` : undefined} />
      <RoleSelect label="Role for the new member" value={role} onChange={setRole} />
      <Button type="submit" disabled={add.isPending || !email.trim()}>{add.isPending ? "Adding…" : "Add member"}</Button>
      {add.isError && <p id={`${id}-error`} role="alert" className="basis-full text-xs text-error">{add.error.message}</p>}
    </form>
  );
}

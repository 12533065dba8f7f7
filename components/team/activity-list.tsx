"use client";

import { useQuery } from "@tanstack/react-query";
import { isoToUnixNano } from "@/components/keys/queries";
import { useProject } from "@/components/project/project-context";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { SkeletonRows } from "@/components/ui/skeleton";
import { RelativeTime } from "@/components/ui/time";
import { fetchActivity, teamKeys, type ActivityRow } from "./queries";

const VERB: Record<string, string> = {
  "key.created": "created key",
  "key.revoked": "revoked key",
  "member.added": "added member",
  "member.role_changed": "changed the role of",
  "member.removed": "removed member",
  "invite.created": "created an invite",
  "invite.revoked": "revoked an invite",
  "invite.accepted": "joined through an invite:",
  "project.created": "created project",
  "project.deleted": "deleted project",
  "retention.changed": "changed retention",
  "retention.purged": "ran a purge",
  "sampling.changed": "changed sampling rules",
  "snapshot.created": "published a snapshot:",
  "snapshot.revoked": "revoked the snapshot",
  "snapshots.toggled": "switched public snapshots",
};

function describe(e: ActivityRow): string {
  const d = e.detail ?? {};
  const extra =
    e.action === "member.role_changed" ? ` from ${String(d.from)} to ${String(d.to)}`
    : e.action === "key.created" && Array.isArray(d.scopes) ? ` (${d.scopes.join(", ")})`
    : (e.action === "member.added" || e.action === "invite.created" || e.action === "invite.accepted") && d.role ? ` as ${String(d.role)}`
    : e.action === "retention.changed" ? ` to ${d.retention === null ? "the server default" : String(d.retention)}`
    : e.action === "snapshots.toggled" ? (d.enabled ? " on" : " off")
    : "";
  return `${VERB[e.action] ?? e.action}${e.target ? ` ${e.target}` : ""}${extra}`;
}

/** Admin actions in this project, newest first. */
export function ActivityList() {
  const { slug } = useProject();
  const query = useQuery({ queryKey: teamKeys.activity(slug), queryFn: () => fetchActivity(slug) });
  if (query.isError) return <LoadError what="the activity log" error={query.error} />;
  if (query.isPending) return <SkeletonRows rows={3} columns={3} />;
  if (!query.data.length) return <EmptyState title="Nothing yet">Key, member, invite and settings changes will be listed here with who made them and when.</EmptyState>;
  return (
    <ol className="flex max-w-4xl flex-col divide-y divide-line" data-testid="activity-list">
      {query.data.map((e) => (
        <li key={e.id} className="flex items-baseline gap-2 py-1.5">
          <RelativeTime unixNano={isoToUnixNano(e.createdAt)} className="w-24 shrink-0 text-xs text-muted" />
          <span><span className="font-medium">{e.actorEmail}</span> {describe(e)}</span>
        </li>
      ))}
    </ol>
  );
}

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiJson } from "@/components/charts/api";
import { isoToUnixNano } from "@/components/keys/queries";
import { useProject } from "@/components/project/project-context";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { SkeletonRows } from "@/components/ui/skeleton";
import { RelativeTime } from "@/components/ui/time";
import { teamKeys } from "./queries";

interface SnapshotRow {
  id: string;
  title: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  state: "active" | "expired" | "revoked";
}

const key = (slug: string) => ["team", slug, "snapshots"] as const;

/** Public snapshots of the project: the switch that allows them, and every link made, revocable. */
export function SnapshotsPanel() {
  const { slug } = useProject();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: key(slug), queryFn: () => apiJson<{ snapshotsEnabled: boolean; snapshots: SnapshotRow[] }>(`/api/v1/projects/${encodeURIComponent(slug)}/snapshots`) });
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: key(slug) }), queryClient.invalidateQueries({ queryKey: teamKeys.activity(slug) })]);
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => apiJson(`/api/v1/projects/${encodeURIComponent(slug)}`, { method: "PATCH", body: JSON.stringify({ snapshotsEnabled: enabled }) }),
    onSuccess: refresh,
  });
  const revoke = useMutation({ mutationFn: (id: string) => apiJson<void>(`/api/v1/snapshots/${encodeURIComponent(id)}`, { method: "DELETE" }), onSuccess: refresh });
  if (query.isError) return <LoadError what="the snapshots" error={query.error} />;
  if (query.isPending) return <SkeletonRows rows={2} columns={4} />;
  const { snapshotsEnabled, snapshots } = query.data;
  return (
    <div className="flex max-w-4xl flex-col gap-3">
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={snapshotsEnabled} disabled={toggle.isPending} onChange={(e) => toggle.mutate(e.target.checked)} data-testid="snapshots-enabled" />
        Editors may publish read-only public snapshots of boards and charts. Turning this off also stops every existing snapshot link.
      </label>
      {(toggle.error || revoke.error) && <p role="alert" className="text-error">{(toggle.error ?? revoke.error)!.message}</p>}
      {snapshots.length === 0 ? (
        <EmptyState title="No snapshots yet">On a board, use <strong>Share snapshot</strong> (or a panel&apos;s <strong>Snapshot</strong>) to publish a frozen, read-only view.</EmptyState>
      ) : (
        <ul className="flex flex-col divide-y divide-line" data-testid="snapshot-list">
          {snapshots.map((s) => (
            <li key={s.id} className="flex items-baseline gap-2 py-1.5">
              <span className="font-medium">{s.title}</span>
              <span className="flex-1 text-xs text-muted">
                by {s.createdBy}, <RelativeTime unixNano={isoToUnixNano(s.createdAt)} />
                {s.expiresAt ? `, expires ${s.expiresAt.slice(0, 10)}` : ""} · {s.state}
              </span>
              {s.state === "active" && <Button variant="ghost" onClick={() => revoke.mutate(s.id)} aria-label={`Revoke snapshot ${s.title}`}>Revoke</Button>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

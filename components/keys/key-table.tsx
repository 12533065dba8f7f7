"use client";

import { SETTINGS_TD, SETTINGS_TH } from "@/components/ui/table-cells";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RelativeTime } from "@/components/ui/time";
import { useProject } from "@/components/project/project-context";
import { isoToUnixNano, keysQueryKey, revokeKey, type KeyRow } from "./queries";

const TH = SETTINGS_TH;
const TD = SETTINGS_TD;

export function KeyTable({ keys }: { keys: KeyRow[] }) {
  const queryClient = useQueryClient();
  const { slug } = useProject();
  const [confirming, setConfirming] = useState<KeyRow | null>(null);
  const revoke = useMutation({
    mutationFn: (id: number) => revokeKey(slug, id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keysQueryKey });
      setConfirming(null);
    },
  });

  return (
    <>
      <table className="w-full border-collapse" data-testid="key-table">
        <thead>
          <tr>
            <th scope="col" className={TH}>Name</th>
            <th scope="col" className={TH}>Key</th>
            <th scope="col" className={TH}>Scopes</th>
            <th scope="col" className={TH}>Created</th>
            <th scope="col" className={TH}>Last used</th>
            <th scope="col" className={TH}>Status</th>
            <th scope="col" className={`${TH} w-24`}><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} data-testid="key-row" className={k.revokedAt ? "text-muted" : ""}>
              <td className={`${TD} font-medium`}>{k.name}</td>
              <td className={`${TD} font-mono text-xs`}>{k.prefix}…</td>
              <td className={`${TD} text-xs`}>{k.scopes.join(", ")}</td>
              <td className={`${TD} text-xs`}>
                <RelativeTime unixNano={isoToUnixNano(k.createdAt)} />
              </td>
              <td className={`${TD} text-xs`}>
                {k.lastUsedAt ? <RelativeTime unixNano={isoToUnixNano(k.lastUsedAt)} /> : <span className="text-faint">never</span>}
              </td>
              <td className={`${TD} text-xs`}>
                {k.revokedAt ? (
                  <span>
                    revoked <RelativeTime unixNano={isoToUnixNano(k.revokedAt)} />
                  </span>
                ) : (
                  <span className="text-fg">active</span>
                )}
              </td>
              <td className={`${TD} text-right`}>
                {!k.revokedAt && (
                  <Button variant="ghost" onClick={() => setConfirming(k)} aria-label={`Revoke key ${k.name}`}>
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={!!confirming}
        title={`Revoke “${confirming?.name ?? ""}”?`}
        confirmLabel="Revoke key"
        busy={revoke.isPending}
        onConfirm={() => confirming && revoke.mutate(confirming.id)}
        onCancel={() => {
          setConfirming(null);
          revoke.reset();
        }}
      >
        <p>
          SDKs sending with <span className="font-mono text-fg">{confirming?.prefix}…</span> get 401 Unauthorized from now
          on. This cannot be undone; spans already stored stay.
        </p>
        {revoke.isError && <p role="alert" className="mt-2 text-error">Could not revoke: {revoke.error.message}</p>}
      </ConfirmDialog>
    </>
  );
}

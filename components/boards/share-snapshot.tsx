"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { apiJson } from "@/components/charts/api";
import { SecretBox } from "@/components/keys/secret-box";
import { Button } from "@/components/ui/button";
import type { BoardVariable } from "@/lib/boards/types";
import { describeRange, type ChartRange } from "@/lib/chart-data/range";

const EXPIRY: [hours: number | null, label: string][] = [[null, "never (until revoked)"], [24, "in 1 day"], [168, "in 7 days"], [720, "in 30 days"]];

/**
 * "Share snapshot": freezes what is on screen (the whole board, or one panel) into a public
 * read-only link. The dialog says what the link will expose before it is made.
 */
export function ShareSnapshot({
  boardId, panel, range, variables, trigger,
}: {
  boardId: string;
  panel?: { id: string; title: string };
  range: ChartRange;
  variables: BoardVariable[];
  trigger: (open: () => void) => React.ReactNode;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [hours, setHours] = useState<number | null>(null);
  const make = useMutation({
    mutationFn: () =>
      apiJson<{ url: string; expiresAt: string | null }>(`/api/v1/boards/${encodeURIComponent(boardId)}/snapshots`, {
        method: "POST",
        body: JSON.stringify({ timeRange: range, variables, expiresInHours: hours, ...(panel ? { panelId: panel.id } : {}) }),
      }),
  });
  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);
  const chosen = variables.filter((v) => v.values.length);
  return (
    <>
      {trigger(() => {
        make.reset();
        setOpen(true);
      })}
      <dialog ref={dialog} onClose={() => setOpen(false)} aria-labelledby={`${id}-t`} className="m-auto w-[28rem] rounded-lg border border-line bg-bg p-4 text-fg shadow-xl backdrop:bg-black/40">
        <h2 id={`${id}-t`} className="mb-2 text-sm font-semibold">Share a snapshot{panel ? ` of “${panel.title}”` : ""}</h2>
        {make.data ? (
          <div className="flex flex-col gap-3" role="status" data-testid="snapshot-made">
            <p>Snapshot made. Anyone with this link can see it without signing in; it is shown only now.</p>
            <SecretBox value={make.data.url} testId="snapshot-url" />
            <div className="flex justify-end gap-2">
              <a href={make.data.url} target="_blank" rel="noreferrer" className="inline-flex h-7 items-center rounded-md border border-line px-2.5 text-[13px] hover:bg-hover">Open</a>
              <Button variant="primary" onClick={() => setOpen(false)}>Done</Button>
            </div>
          </div>
        ) : (
          <form className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); make.mutate(); }}>
            <p className="text-muted">
              The results of {panel ? "this panel" : "every panel"} over {describeRange(range)}
              {chosen.length ? ` (${chosen.map((v) => `${v.key} = ${v.values.join(" or ")}`).join("; ")})` : ""} are frozen now and published
              read-only to anyone with the link, with the project&apos;s name and your email. Later data does not change them.
            </p>
            <label className="flex items-center gap-2 text-xs text-muted">
              Expires
              <select value={String(hours)} onChange={(e) => setHours(e.target.value === "null" ? null : Number(e.target.value))} className="h-7 rounded-md border border-line bg-bg px-1.5 text-[13px] text-fg">
                {EXPIRY.map(([h, label]) => <option key={label} value={String(h)}>{label}</option>)}
              </select>
            </label>
            {make.isError && <p role="alert" className="text-xs text-error">{make.error.message}</p>}
            <div className="flex justify-end gap-2">
              <Button onClick={() => setOpen(false)}>Cancel</Button>
              <Button type="submit" variant="primary" disabled={make.isPending} data-testid="create-snapshot">{make.isPending ? "Freezing the panels…" : "Create public link"}</Button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}

"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useProject } from "@/components/project/project-context";
import { useCanEdit } from "@/components/project/use-can-edit";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { newPanelId, nextFreeRow } from "@/lib/boards/layout";
import type { Panel } from "@/lib/boards/types";
import type { ChartRange } from "@/lib/chart-data/range";
import { boardKeys, createBoard, fetchBoard, fetchBoards, patchBoard } from "./queries";

/** What a page offers to a board: a panel without its place (the board finds one). */
export type PanelDraft = Omit<Panel, "id" | "layout"> & { size: { w: number; h: number }; asNumber?: PanelDraft };

const NEW = "__new__";

/**
 * "Add to board": the page's current state as a panel on a new or existing board. A new
 * board takes the page's range as its own; an existing one keeps its range (the panel follows it).
 */
export function AddToBoard({ draft, range }: { draft: () => PanelDraft; range: ChartRange }) {
  const { slug } = useProject();
  const { canEdit, reason } = useCanEdit();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState(NEW);
  const [name, setName] = useState("");
  const [title, setTitle] = useState("");
  const [added, setAdded] = useState<{ id: string; name: string } | null>(null);
  const [number, setNumber] = useState(false);
  const boards = useQuery({ queryKey: boardKeys.list, queryFn: fetchBoards, enabled: open });

  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);

  const add = useMutation({
    mutationFn: async () => {
      const d = draft();
      const chosen = number && d.asNumber ? d.asNumber : d;
      const { size, asNumber, ...rest } = chosen;
      void asNumber; // the alternative itself is not part of the panel
      const base = { ...rest, id: newPanelId(), title: title.trim() || rest.title } as Panel;
      if (target === NEW) {
        const panel = { ...base, layout: { x: 0, y: 0, ...size } } as Panel;
        return createBoard({ name: name.trim(), timeRange: range, variables: [], panels: [panel] });
      }
      const board = await fetchBoard(target);
      const panel = { ...base, layout: { x: 0, y: nextFreeRow(board.panels), ...size } } as Panel;
      return patchBoard(target, { panels: [...board.panels, panel] });
    },
    onSuccess: (b) => setAdded({ id: b.id, name: b.name }),
  });

  const start = () => {
    setTitle(draft().title);
    setNumber(false);
    setAdded(null);
    add.reset();
    setOpen(true);
  };
  const invalid = target === NEW && !name.trim();

  return (
    <>
      <Button onClick={start} disabled={!canEdit} title={reason} aria-description={reason} data-testid="add-to-board">
        Add to board
      </Button>
      <dialog ref={dialog} onClose={() => setOpen(false)} aria-labelledby={`${id}-title`} className="m-auto w-96 rounded-lg border border-line bg-bg p-4 text-fg shadow-xl backdrop:bg-black/40">
        <h2 id={`${id}-title`} className="mb-3 text-sm font-semibold">Add to board</h2>
        {added ? (
          <div className="flex flex-col gap-3" role="status">
            <p>Added to “{added.name}”.</p>
            <div className="flex justify-end gap-2">
              <Button onClick={() => setOpen(false)}>Stay here</Button>
              <a className="inline-flex h-7 items-center rounded-md bg-accent px-2.5 text-[13px] font-medium text-white" href={`/boards/${added.id}?project=${encodeURIComponent(slug)}`} data-testid="open-board">
                Open the board
              </a>
            </div>
          </div>
        ) : (
          <form
            className="flex flex-col gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              if (!invalid) add.mutate();
            }}
          >
            {draft().asNumber && (
              <fieldset className="flex gap-3 text-xs">
                <legend className="mb-1 text-muted">Show as</legend>
                <label className="flex items-center gap-1"><input type="radio" name="as" checked={!number} onChange={() => setNumber(false)} /> the chart</label>
                <label className="flex items-center gap-1"><input type="radio" name="as" checked={number} onChange={() => setNumber(true)} data-testid="as-number" /> one number, with its change</label>
              </fieldset>
            )}
            <label className="flex flex-col gap-1 text-xs text-muted">
              Panel title
              <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} />
            </label>
            <label className="flex flex-col gap-1 text-xs text-muted">
              Board
              <select value={target} onChange={(e) => setTarget(e.target.value)} className="h-7 rounded-md border border-line bg-bg px-1.5 text-[13px] text-fg" data-testid="board-choice">
                <option value={NEW}>A new board…</option>
                {(boards.data ?? []).map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
              </select>
            </label>
            {target === NEW && (
              <label className="flex flex-col gap-1 text-xs text-muted">
                New board name
                <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} placeholder="e.g. Checkout health" required data-testid="new-board-name" />
              </label>
            )}
            {add.isError && <p role="alert" className="text-xs text-error">{add.error.message}</p>}
            <div className="flex justify-end gap-2">
              <Button onClick={() => setOpen(false)}>Cancel</Button>
              <Button type="submit" variant="primary" disabled={invalid || add.isPending}>{add.isPending ? "Adding…" : "Add"}</Button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}

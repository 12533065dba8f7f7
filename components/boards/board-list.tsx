"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useId, useRef, useState } from "react";
import { fullPageLoad } from "@/components/auth/full-page-load";
import { isoToUnixNano } from "@/components/keys/queries";
import { useProject } from "@/components/project/project-context";
import { useCanEdit } from "@/components/project/use-can-edit";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { LoadError } from "@/components/ui/load-error";
import { RelativeTime } from "@/components/ui/time";
import { DEFAULT_SINCE } from "@/lib/chart-data/range";
import type { BoardInput } from "@/lib/boards/types";
import { boardKeys, createBoard, fetchBoards } from "./queries";

/** The project's boards, a new empty one, and import from an exported JSON file. */
export function BoardList() {
  const { slug } = useProject();
  const { canEdit, reason } = useCanEdit();
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const boards = useQuery({ queryKey: boardKeys.list, queryFn: fetchBoards });
  const open = (boardId: string) => fullPageLoad(`/boards/${boardId}?project=${encodeURIComponent(slug)}`);
  const create = useMutation({
    mutationFn: (input: BoardInput) => createBoard(input),
    onSuccess: async (b) => {
      await queryClient.invalidateQueries({ queryKey: boardKeys.list });
      open(b.id);
    },
  });
  const importFile = async (f: File) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await f.text());
    } catch {
      create.reset();
      return create.mutate(null as unknown as BoardInput); // the server names the problem
    }
    create.mutate(parsed as BoardInput);
  };

  return (
    <div className="flex max-w-5xl flex-col gap-4 p-4">
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) create.mutate({ name: name.trim(), timeRange: { since: DEFAULT_SINCE }, variables: [], panels: [] });
        }}
      >
        <label htmlFor={`${id}-name`} className="sr-only">New board name</label>
        <Input id={`${id}-name`} placeholder="New board name, e.g. Checkout health" value={name} onChange={(e) => setName(e.target.value)} className="w-72" disabled={!canEdit} />
        <Button type="submit" variant="primary" disabled={!canEdit || !name.trim() || create.isPending} title={reason}>
          {create.isPending ? "Creating…" : "New board"}
        </Button>
        <Button onClick={() => file.current?.click()} disabled={!canEdit || create.isPending} title={reason}>Import JSON…</Button>
        <input ref={file} type="file" accept="application/json,.json" className="hidden" aria-label="Board JSON file" data-testid="import-board" onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} />
        {create.isError && <p role="alert" className="basis-full text-xs text-error">Could not create the board: {create.error.message}</p>}
      </form>
      {boards.isError && <LoadError what="the boards" error={boards.error} />}
      {boards.data?.length === 0 ? (
        <EmptyState title="No boards yet">
          Name one above, or open Metrics, Funnels, Tiers or Traces and use <strong>Add to board</strong> to start one from what you see.
        </EmptyState>
      ) : (
        <ul className="flex flex-col divide-y divide-line rounded-lg border border-line" data-testid="board-list">
          {(boards.data ?? []).map((b) => (
            <li key={b.id} className="flex items-baseline gap-3 px-3 py-2">
              <Link href={`/boards/${b.id}?project=${encodeURIComponent(slug)}`} className="font-medium hover:underline">{b.name}</Link>
              <span className="min-w-0 flex-1 truncate text-muted">{b.description}</span>
              <span className="text-xs text-muted">{b.panelCount} panels · {b.owner} · updated <RelativeTime unixNano={isoToUnixNano(b.updatedAt)} /></span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { FunnelDefinition } from "@/lib/chart-data/funnel";
import { rememberAuthor, rememberedAuthor, saveFunnel, savedFunnelKey, savedFunnelsKey, type SavedFunnel } from "./queries";

interface Props {
  def: FunnelDefinition;
  current: SavedFunnel | null;
  onClose: () => void;
  onSaved: (f: SavedFunnel) => void;
}

/** Save the funnel on screen (new, or over the saved one it came from); its link is then shareable. */
export function SaveFunnelDialog({ def, current, onClose, onSaved }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const client = useQueryClient();
  const [name, setName] = useState(current?.name ?? "");
  const [author, setAuthor] = useState(rememberedAuthor);
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  const save = useMutation({
    mutationFn: (asNew: boolean) => saveFunnel({ name, author, definition: def }, asNew ? undefined : current?.id),
    onSuccess: (row) => {
      rememberAuthor(author.trim());
      client.setQueryData(savedFunnelKey(row.id), row);
      void client.invalidateQueries({ queryKey: savedFunnelsKey });
      onSaved(row);
    },
  });
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="save-funnel-title" className="m-auto w-[28rem] rounded-lg border border-line bg-bg p-4 text-fg shadow-xl backdrop:bg-black/40">
      <form className="flex flex-col gap-3" onSubmit={(e) => (e.preventDefault(), save.mutate(true))}>
        <h2 id="save-funnel-title" className="text-sm font-semibold">Save funnel</h2>
        <p className="text-xs text-muted">
          {def.steps.length} steps by <span className="font-mono">{def.by}</span> within {def.window}
          {def.since ? `, over the last ${def.since} when opened` : ", over a pinned range"}. Anyone with the link sees it.
        </p>
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Name
          <Input autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="Checkout by user" data-testid="funnel-name" />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Author
          <Input value={author} onChange={(e) => setAuthor(e.target.value)} placeholder="Ana" data-testid="funnel-author" />
        </label>
        {save.error && <p role="alert" className="text-xs text-error">{save.error.message}</p>}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          {current && <Button onClick={() => save.mutate(false)} disabled={save.isPending}>Update “{current.name}”</Button>}
          <Button type="submit" variant="primary" disabled={save.isPending}>{save.isPending ? "Saving…" : current ? "Save as new" : "Save"}</Button>
        </div>
      </form>
    </dialog>
  );
}

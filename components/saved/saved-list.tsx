"use client";

import { useMutation } from "@tanstack/react-query";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useRouter } from "next/navigation";
import { parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useState } from "react";
import { apiJson } from "@/components/charts/api";
import { isoToUnixNano } from "@/components/keys/queries";
import { useProject } from "@/components/project/project-context";
import { useCanEdit } from "@/components/project/use-can-edit";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { RelativeTime } from "@/components/ui/time";

export const SAVED_KINDS = ["board", "filter", "funnel"] as const;
export type SavedKind = (typeof SAVED_KINDS)[number];

/** One saved thing, whatever its kind, as the list shows it. */
export interface SavedItem {
  kind: SavedKind;
  id: string;
  name: string;
  owner: string;
  createdAt: string;
  updatedAt: string;
  /** What it is, in a line: a board's panels, a filter's query, a funnel's steps. */
  detail: string;
  problem?: string;
}

const KIND_LABEL: Record<SavedKind, string> = { board: "Board", filter: "Filter", funnel: "Funnel" };
const API: Record<SavedKind, string> = { board: "/api/v1/boards", filter: "/api/v1/saved-filters", funnel: "/api/v1/funnels" };
const TH = "h-8 border-b border-line px-3 text-left text-xs font-medium text-muted";
const TD = "border-b border-line px-3 py-1.5 align-top";

function href(item: SavedItem, slug: string): string {
  const p = `project=${encodeURIComponent(slug)}`;
  if (item.kind === "board") return `/boards/${item.id}?${p}`;
  if (item.kind === "filter") return `/traces?${p}&filter=${item.id}`;
  return `/funnels?${p}&funnel=${item.id}`;
}

const savedParsers = { kind: parseAsStringLiteral(["all", ...SAVED_KINDS] as const).withDefault("all"), owner: parseAsString.withDefault("") };

/** Boards, filters and funnels in one list: filtered by kind and owner (in the URL), renamed and deleted in place. */
export function SavedList({ items }: { items: SavedItem[] }) {
  const router = useRouter();
  const { slug } = useProject();
  const { canEdit, reason } = useCanEdit();
  const [url, setUrl] = useQueryStates(savedParsers);
  const [renaming, setRenaming] = useState<{ item: SavedItem; name: string } | null>(null);
  const [deleting, setDeleting] = useState<SavedItem | null>(null);
  const rename = useMutation({
    mutationFn: ({ item, name }: { item: SavedItem; name: string }) => apiJson(`${API[item.kind]}/${encodeURIComponent(item.id)}`, { method: "PATCH", body: JSON.stringify({ name }) }),
    onSuccess: () => {
      setRenaming(null);
      router.refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (item: SavedItem) => apiJson<void>(`${API[item.kind]}/${encodeURIComponent(item.id)}`, { method: "DELETE" }),
    onSuccess: () => {
      setDeleting(null);
      router.refresh();
    },
  });
  const owners = [...new Set(items.map((i) => i.owner))].sort();
  const shown = items.filter((i) => (url.kind === "all" || i.kind === url.kind) && (!url.owner || i.owner === url.owner));

  return (
    <div className="flex flex-col gap-3 p-4">
      <div className="flex flex-wrap items-center gap-3 text-xs">
        <label className="flex items-center gap-1.5 text-muted">
          Kind
          <select value={url.kind} onChange={(e) => void setUrl({ kind: e.target.value as typeof url.kind })} className="h-7 rounded-md border border-line bg-bg px-1.5 text-[13px] text-fg" data-testid="saved-kind">
            <option value="all">All ({items.length})</option>
            {SAVED_KINDS.map((k) => <option key={k} value={k}>{KIND_LABEL[k]}s ({items.filter((i) => i.kind === k).length})</option>)}
          </select>
        </label>
        <label className="flex items-center gap-1.5 text-muted">
          Owner
          <select value={url.owner} onChange={(e) => void setUrl({ owner: e.target.value || null })} className="h-7 rounded-md border border-line bg-bg px-1.5 text-[13px] text-fg" data-testid="saved-owner">
            <option value="">Anyone</option>
            {owners.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </label>
      </div>
      {(rename.error || remove.error) && <p role="alert" className="text-error">{(rename.error ?? remove.error)!.message}</p>}
      {items.length === 0 ? (
        <EmptyState title="Nothing saved yet">
          Save a query on <Link className="underline" href={`/traces?project=${slug}`}>Traces</Link>, a funnel on{" "}
          <Link className="underline" href={`/funnels?project=${slug}`}>Funnels</Link>, or collect charts with <strong>Add to board</strong>: each gets a link your team can open.
        </EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState title="Nothing matches these filters">Choose another kind or owner above.</EmptyState>
      ) : (
        <table className="w-full border-collapse text-[13px]" data-testid="saved-list">
          <thead>
            <tr>
              <th scope="col" className={TH}>Name</th>
              <th scope="col" className={TH}>Kind</th>
              <th scope="col" className={TH}>What</th>
              <th scope="col" className={TH}>Owner</th>
              <th scope="col" className={TH}>Created</th>
              <th scope="col" className={TH}>Updated</th>
              <th scope="col" className={`${TH} w-36`}><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <tr key={`${item.kind}:${item.id}`} data-testid="saved-row" data-kind={item.kind}>
                <td className={`${TD} font-medium`}>
                  {renaming?.item === item ? (
                    <form className="flex gap-1" onSubmit={(e) => { e.preventDefault(); if (renaming.name.trim()) rename.mutate({ item, name: renaming.name.trim() }); }}>
                      <Input aria-label={`New name for ${item.name}`} value={renaming.name} onChange={(e) => setRenaming({ item, name: e.target.value })} maxLength={100} className="w-56" autoFocus />
                      <Button type="submit" disabled={rename.isPending}>Save</Button>
                      <Button variant="ghost" onClick={() => setRenaming(null)}>Cancel</Button>
                    </form>
                  ) : (
                    <Link className="hover:underline" href={href(item, slug)}>{item.name}</Link>
                  )}
                </td>
                <td className={TD}>{KIND_LABEL[item.kind]}</td>
                <td className={`${TD} max-w-md text-xs text-muted`}>
                  <span className={item.kind === "board" ? "" : "font-mono"}>{item.detail}</span>
                  {item.problem && <div className="mt-1 text-error">No longer parses: {item.problem}</div>}
                </td>
                <td className={TD}>{item.owner}</td>
                <td className={`${TD} text-xs`}><RelativeTime unixNano={isoToUnixNano(item.createdAt)} /></td>
                <td className={`${TD} text-xs`}><RelativeTime unixNano={isoToUnixNano(item.updatedAt)} /></td>
                <td className={`${TD} text-right`}>
                  <Button variant="ghost" disabled={!canEdit} title={reason} onClick={() => setRenaming({ item, name: item.name })} aria-label={`Rename ${item.name}`}>Rename</Button>
                  <Button variant="ghost" disabled={!canEdit} title={reason} onClick={() => setDeleting(item)} aria-label={`Delete ${item.name}`}>Delete</Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog open={!!deleting} title={`Delete ${deleting ? KIND_LABEL[deleting.kind].toLowerCase() : ""}`} confirmLabel="Delete" busy={remove.isPending} onConfirm={() => deleting && remove.mutate(deleting)} onCancel={() => setDeleting(null)}>
        “{deleting?.name}” is deleted for everyone, and its links stop working.
      </ConfirmDialog>
    </div>
  );
}

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useCallback, useRef, useState } from "react";
import { fullPageLoad } from "@/components/auth/full-page-load";
import { BoardGrid } from "@/components/boards/board-grid";
import { BoardMenu } from "@/components/boards/board-menu";
import { PanelFrame } from "@/components/boards/panel-frame";
import { ShareSnapshot } from "@/components/boards/share-snapshot";
import { BoardComparison } from "@/components/boards/board-comparison";
import { useCompareState } from "@/components/compare/compare-panel";
import { boardKeys, deleteBoard, fetchBoard, patchBoard } from "@/components/boards/queries";
import { VariablesBar } from "@/components/boards/variables-bar";
import { chartLinkTime, RangePicker } from "@/components/charts/range-picker";
import { CopyLinkMenu } from "@/components/share/copy-link-menu";
import { TopBar } from "@/components/nav/top-bar";
import { useProject } from "@/components/project/project-context";
import { useCanEdit } from "@/components/project/use-can-edit";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { explorerHref } from "@/lib/boards/explorer-href";
import { newPanelId, nextFreeRow } from "@/lib/boards/layout";
import type { Board, Panel, PanelLayout } from "@/lib/boards/types";
import { variablesFromUrl, variablesToUrl } from "@/lib/boards/variables";
import { isPinned, rangeFromUrl, type ChartRange } from "@/lib/chart-data/range";
import { boardParsers } from "./search-params";

const SAVE_AFTER_MS = 600;

export function BoardClient({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const { slug } = useProject();
  const { canEdit, reason } = useCanEdit();
  const [url, setUrl] = useQueryStates(boardParsers, { history: "push" });
  const board = useQuery({ queryKey: boardKeys.one(id), queryFn: () => fetchBoard(id) });
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<Partial<Board>>({});
  // A read: viewers may compare too. The comparison's state is in the board's URL (cmp*).
  const comparison = useCompareState();

  const save = useMutation({
    mutationFn: (patch: Partial<Board>) => patchBoard(id, patch),
    onSuccess: (b) => queryClient.setQueryData(boardKeys.one(id), b),
  });
  const remove = useMutation({ mutationFn: () => deleteBoard(id), onSuccess: () => fullPageLoad(`/boards?project=${encodeURIComponent(slug)}`) });

  /**
   * Changes show at once; saving waits for a pause, so a drag is one request, not fifty.
   * Changes made meanwhile are merged into the one request, so none is lost.
   */
  const change = useCallback((patch: Partial<Board>, delay = 0) => {
    queryClient.setQueryData<Board>(boardKeys.one(id), (b) => (b ? { ...b, ...patch } : b));
    pending.current = { ...pending.current, ...patch };
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      const all = pending.current;
      pending.current = {};
      save.mutate(all);
    }, delay);
  }, [id, queryClient, save]);

  const b = board.data;
  if (!b) {
    return board.error ? <EmptyState title="This board could not be loaded">{board.error.message}. It may have been deleted; see the list of boards.</EmptyState> : null;
  }
  const urlRange = url.since || (url.start && url.end) ? rangeFromUrl(url) : null;
  const range: ChartRange = urlRange ?? b.timeRange;
  const variables = variablesFromUrl(b.variables, url.var ?? []);
  const env = { range, variables, compare: comparison.open };
  const setRange = (r: ChartRange) => setUrl(isPinned(r) ? { start: r.start, end: r.end, since: null } : { since: r.since, start: null, end: null });
  const setValues = (key: string, values: string[]) =>
    setUrl({ var: variablesToUrl(variables.map((v) => (v.key === key ? { ...v, values } : v))) }, { history: "replace" });
  const onLayout = (layouts: Map<string, PanelLayout>) => {
    const panels = b.panels.map((p) => ({ ...p, layout: layouts.get(p.id) ?? p.layout }));
    if (JSON.stringify(panels) !== JSON.stringify(b.panels)) change({ panels }, SAVE_AFTER_MS);
  };
  const addNote = () => {
    const panel: Panel = { id: newPanelId(), kind: "note", title: "Note", query: { markdown: "Write what this board shows, and for whom." }, layout: { x: 0, y: nextFreeRow(b.panels), w: 6, h: 4 } };
    change({ panels: [...b.panels, panel] });
  };

  return (
    <>
      <TopBar title={b.name} subtitle={b.description || undefined}>
        {save.isPending && <span className="text-xs text-muted" role="status">Saving…</span>}
        {save.isError && <span className="text-xs text-error" role="alert">Not saved: {save.error.message}</span>}
        <RangePicker range={range} onChange={setRange} />
        <CopyLinkMenu time={chartLinkTime(range)} />
        {editing ? (
          <>
            <Button onClick={addNote}>Add note</Button>
            <Button variant="primary" onClick={() => setEditing(false)} data-testid="done-editing">Done</Button>
          </>
        ) : (
          <Button onClick={() => setEditing(true)} disabled={!canEdit} title={reason} aria-description={reason} data-testid="edit-board">
            Edit layout
          </Button>
        )}
        <ShareSnapshot
          boardId={b.id}
          range={range}
          variables={variables}
          trigger={(open) => <Button onClick={open} disabled={!canEdit || b.panels.length === 0} title={reason} data-testid="share-snapshot">Share snapshot</Button>}
        />
        <BoardMenu board={b} canEdit={canEdit} onDelete={() => setDeleting(true)} onSaveRange={() => change({ timeRange: range, variables })} />
      </TopBar>
      <div className="flex flex-col gap-3 p-4">
        <VariablesBar
          variables={variables}
          onValues={setValues}
          onAdd={canEdit ? (key) => change({ variables: [...b.variables.filter((v) => v.key !== key), { key, values: [] }] }) : undefined}
          onRemove={canEdit && editing ? (key) => change({ variables: b.variables.filter((v) => v.key !== key) }) : undefined}
        />
        <BoardComparison />
        {b.panels.length === 0 ? (
          <EmptyState title="This board has no panels yet">
            Open Metrics, Funnels, Tiers or Traces, set up what you want to see, and use <strong>Add to board</strong> there.
            {canEdit ? " Or edit the layout to add a note." : ""}
          </EmptyState>
        ) : (
          <BoardGrid panels={b.panels} editing={editing} onLayout={onLayout}>
            {(panel) => (
              <PanelFrame
                panel={panel}
                env={env}
                explorer={explorerHref(panel, range, variables, slug)}
                editing={editing}
                onRemove={() => change({ panels: b.panels.filter((p) => p.id !== panel.id) })}
                actions={canEdit && panel.kind !== "note" ? (
                  <ShareSnapshot
                    boardId={b.id}
                    panel={{ id: panel.id, title: panel.title }}
                    range={range}
                    variables={variables}
                    trigger={(open) => <button type="button" className="text-muted hover:text-fg hover:underline" onClick={open}>Snapshot</button>}
                  />
                ) : undefined}
              />
            )}
          </BoardGrid>
        )}
      </div>
      <ConfirmDialog open={deleting} title="Delete board" confirmLabel="Delete board" busy={remove.isPending} onConfirm={() => remove.mutate()} onCancel={() => setDeleting(false)}>
        “{b.name}” and its layout are deleted for everyone. The data behind it stays.
      </ConfirmDialog>
    </>
  );
}

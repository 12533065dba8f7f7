"use client";

import type { Board } from "@/lib/boards/types";
import { exportable } from "./queries";

const ITEM = "block w-full rounded px-2 py-1 text-left text-[13px] hover:bg-hover disabled:cursor-not-allowed disabled:opacity-50";

/** Downloads the board as JSON: the body POST /api/v1/boards (and Import) takes back. */
export function downloadBoard(board: Board) {
  const blob = new Blob([JSON.stringify(exportable(board), null, 2) + "\n"], { type: "application/json" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `${board.name.replace(/[^\w.-]+/g, "-").toLowerCase() || "board"}.board.json`;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** The board's less frequent actions, in a native disclosure (keyboard and screen-reader friendly). */
export function BoardMenu({ board, canEdit, onDelete, onSaveRange, extra }: { board: Board; canEdit: boolean; onDelete: () => void; onSaveRange: () => void; extra?: React.ReactNode }) {
  return (
    <details className="relative" data-testid="board-menu">
      <summary className="inline-flex h-7 cursor-pointer list-none items-center rounded-md border border-line px-2.5 text-[13px] font-medium hover:bg-hover">More</summary>
      <div className="absolute right-0 z-30 mt-1 w-64 rounded-md border border-line bg-bg p-1 shadow-lg">
        {extra}
        <button type="button" className={ITEM} onClick={() => downloadBoard(board)}>Export as JSON</button>
        <button type="button" className={ITEM} disabled={!canEdit} onClick={onSaveRange}>Make this range and these variables the board&apos;s default</button>
        <button type="button" className={`${ITEM} text-error`} disabled={!canEdit} onClick={onDelete}>Delete board…</button>
      </div>
    </details>
  );
}

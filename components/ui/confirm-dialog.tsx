"use client";

import { useEffect, useRef } from "react";
import { Button } from "./button";

interface Props {
  open: boolean;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question (native <dialog>: focus is trapped and Esc cancels). Cancel has focus first. */
export function ConfirmDialog({ open, title, children, confirmLabel, busy, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onCancel}
      aria-labelledby="confirm-title"
      className="m-auto w-96 rounded-lg border border-line bg-bg p-4 text-fg shadow-xl backdrop:bg-black/40"
    >
      <h2 id="confirm-title" className="text-sm font-semibold">{title}</h2>
      <div className="mt-2 text-muted">{children}</div>
      <div className="mt-4 flex justify-end gap-2">
        <Button autoFocus onClick={onCancel}>Cancel</Button>
        <Button variant="primary" onClick={onConfirm} disabled={busy}>
          {busy ? "Working…" : confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}

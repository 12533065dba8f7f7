"use client";

import { useEffect, useId, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";

interface Props {
  /** Names the panel for screen readers. */
  label: string;
  button: React.ReactNode;
  buttonTitle?: string;
  align?: "start" | "end";
  testId?: string;
  onOpen?: () => void;
  children: (close: () => void) => React.ReactNode;
}

/** A button with a panel under it: Esc or a click outside closes it, and focus returns to the button. */
export function Popover({ label, button, buttonTitle, align = "start", testId, onOpen, children }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const triggerId = useId();
  // By id rather than ref: `close` is handed to children during render.
  const focusTrigger = () => document.getElementById(triggerId)?.focus();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      document.getElementById(triggerId)?.focus();
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open, triggerId]);

  const close = () => {
    setOpen(false);
    focusTrigger();
  };

  return (
    <div ref={root} className="relative">
      <button
        id={triggerId}
        type="button"
        title={buttonTitle}
        aria-expanded={open}
        aria-haspopup="dialog"
        data-testid={testId}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
        className={buttonClass("secondary")}
      >
        {button}
      </button>
      {open && (
        <div role="dialog" aria-label={label} className={`absolute top-full z-30 mt-1 rounded-lg border border-line bg-bg p-3 shadow-xl ${align === "end" ? "right-0" : "left-0"}`}>
          {children(close)}
        </div>
      )}
    </div>
  );
}

"use client";

import { useState } from "react";

interface Props {
  value: string;
  onCommit: (v: string) => void;
  /** Id of a <datalist> of suggestions (attribute keys). */
  list?: string;
  label: string;
  placeholder?: string;
  className?: string;
  invalid?: boolean;
  testId?: string;
}

/**
 * A monospace text input that applies on Enter or when it loses focus, not per keystroke:
 * every applied value is a query (and a history entry).
 */
export function AttrInput({ value, onCommit, list, label, placeholder, className = "w-56", invalid, testId }: Props) {
  const [draft, setDraft] = useState({ for: value, text: value });
  const text = draft.for === value ? draft.text : value;
  const commit = () => text.trim() !== value && onCommit(text.trim());
  return (
    <input
      value={text}
      onChange={(e) => setDraft({ for: value, text: e.target.value })}
      onKeyDown={(e) => e.key === "Enter" && commit()}
      onBlur={commit}
      list={list}
      aria-label={label}
      aria-invalid={invalid || undefined}
      placeholder={placeholder}
      spellCheck={false}
      autoComplete="off"
      data-testid={testId}
      className={`h-7 rounded-md border border-line bg-bg px-2 font-mono text-[13px] text-fg placeholder:text-faint focus:border-accent aria-invalid:border-error ${className}`}
    />
  );
}

/** Suggestions for AttrInput; rendered once per page. */
export function AttrDatalist({ id, options }: { id: string; options: string[] }) {
  return (
    <datalist id={id}>
      {[...new Set(options)].map((o) => (
        <option key={o} value={o} />
      ))}
    </datalist>
  );
}

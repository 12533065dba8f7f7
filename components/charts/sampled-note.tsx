"use client";

import { useId } from "react";
import { sampledNote } from "@/lib/chart-data/sampling";

interface Props {
  minSampleRate: number | undefined;
  about: Parameters<typeof sampledNote>[1];
}

/**
 * A quiet "estimated" label beside a summary line when sampling kept only some traces; its
 * tooltip (on hover and on keyboard focus) says how the figures are weighted. Phrasing
 * content only, so it can sit inside the summary's <p>.
 */
export function SampledNote({ minSampleRate, about }: Props) {
  const id = useId();
  const note = sampledNote(minSampleRate, about);
  if (!note) return null;
  return (
    <span className="group relative inline-block" data-testid="sampled-note">
      <span
        tabIndex={0}
        aria-describedby={id}
        className="cursor-help text-xs text-muted underline decoration-faint decoration-dotted underline-offset-2"
      >
        {note.label}
      </span>
      <span
        role="tooltip"
        id={id}
        className="invisible absolute right-0 top-full z-20 mt-1 w-80 max-w-[calc(100vw-2rem)] rounded-md border border-line bg-bg px-2.5 py-2 text-xs
          font-normal text-muted opacity-0 shadow-lg transition-opacity group-focus-within:visible group-focus-within:opacity-100
          group-hover:visible group-hover:opacity-100"
      >
        {note.detail}
      </span>
    </span>
  );
}

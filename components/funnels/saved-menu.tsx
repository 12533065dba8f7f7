"use client";

import { useSavedFunnels } from "./queries";

/** Opens a saved funnel (its link is `/funnels?funnel=<id>`). */
export function SavedFunnelMenu({ current, onOpen }: { current: string | null; onOpen: (id: string) => void }) {
  const list = useSavedFunnels();
  const funnels = list.data ?? [];
  if (funnels.length === 0) return null;
  return (
    <select
      aria-label="Open a saved funnel"
      value={current && funnels.some((f) => f.id === current) ? current : ""}
      onChange={(e) => e.target.value && onOpen(e.target.value)}
      className="h-7 max-w-56 rounded-md border border-line bg-bg px-1.5 text-[13px]"
      data-testid="saved-funnels-menu"
    >
      <option value="">Saved funnels…</option>
      {funnels.map((f) => (
        <option key={f.id} value={f.id}>
          {f.name} · {f.author}
        </option>
      ))}
    </select>
  );
}

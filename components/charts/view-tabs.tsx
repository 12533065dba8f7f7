"use client";

/** A row of mutually exclusive views (a radio group: arrow keys move, as in native radios). */
export function ViewTabs<V extends string>({ value, labels, onChange }: { value: V; labels: Record<V, string>; onChange: (v: V) => void }) {
  const views = Object.keys(labels) as V[];
  return (
    <div role="radiogroup" aria-label="View" className="inline-flex rounded-md border border-line bg-panel p-0.5" data-testid="view-tabs">
      {views.map((v) => (
        <button
          key={v}
          type="button"
          role="radio"
          aria-checked={v === value}
          tabIndex={v === value ? 0 : -1}
          onClick={() => onChange(v)}
          onKeyDown={(e) => {
            const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
            if (!step) return;
            e.preventDefault();
            const next = views[(views.indexOf(value) + step + views.length) % views.length];
            onChange(next);
            requestAnimationFrame(() => e.currentTarget.parentElement?.querySelector<HTMLElement>('[aria-checked="true"]')?.focus());
          }}
          className={`h-6 rounded px-2 text-xs ${v === value ? "bg-bg font-medium text-fg shadow-sm" : "text-muted hover:text-fg"}`}
        >
          {labels[v]}
        </button>
      ))}
    </div>
  );
}

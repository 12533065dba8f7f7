"use client";

import type { ThemePreference } from "./theme-script";
import { useTheme } from "./use-theme";

const OPTIONS: { value: ThemePreference; label: string; icon: React.ReactNode }[] = [
  {
    value: "system",
    label: "System",
    icon: <path d="M2.5 3.5h11v7h-11zM6 13.5h4M8 10.5v3" />,
  },
  {
    value: "light",
    label: "Light",
    icon: (
      <>
        <circle cx="8" cy="8" r="2.75" />
        <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
      </>
    ),
  },
  { value: "dark", label: "Dark", icon: <path d="M13 9.5A5.5 5.5 0 0 1 6.5 3a5.5 5.5 0 1 0 6.5 6.5z" /> },
];

/** System / light / dark, saved in localStorage. A radio group, so arrow keys move the choice. */
export function ThemeToggle() {
  const { preference, setPreference } = useTheme();
  return (
    <div role="radiogroup" aria-label="Theme" className="flex rounded-md border border-line p-0.5" data-testid="theme-toggle">
      {OPTIONS.map((o, i) => {
        const checked = preference === o.value;
        return (
          <button
            key={o.value}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={o.label}
            title={`${o.label} theme`}
            tabIndex={checked ? 0 : -1}
            onClick={() => setPreference(o.value)}
            onKeyDown={(e) => {
              const step = e.key === "ArrowRight" || e.key === "ArrowDown" ? 1 : e.key === "ArrowLeft" || e.key === "ArrowUp" ? -1 : 0;
              if (!step) return;
              e.preventDefault();
              const next = OPTIONS[(i + step + OPTIONS.length) % OPTIONS.length];
              setPreference(next.value);
              const group = e.currentTarget.parentElement;
              (group?.children[OPTIONS.indexOf(next)] as HTMLElement | undefined)?.focus();
            }}
            className={`flex h-6 flex-1 items-center justify-center rounded ${checked ? "bg-selected text-fg" : "text-muted hover:text-fg"}`}
          >
            <svg viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.4" aria-hidden>
              {o.icon}
            </svg>
          </button>
        );
      })}
    </div>
  );
}

import type { DiffTone } from "@/lib/trace-compare/diff";

/**
 * Slower in amber, faster in teal, stronger as the change grows. Never red: red means an
 * error on every page. Whole class names, so Tailwind finds them.
 */
export const DIFF_TEXT: Record<DiffTone, string> = {
  slower: "text-amber-700 dark:text-amber-300",
  faster: "text-teal-700 dark:text-teal-300",
  same: "text-faint",
};

export const DIFF_BG: Record<DiffTone, readonly string[]> = {
  slower: ["", "bg-amber-500/10", "bg-amber-500/20", "bg-amber-500/35"],
  faster: ["", "bg-teal-500/10", "bg-teal-500/20", "bg-teal-500/35"],
  same: ["", "", "", ""],
};

/** Presence badges: neutral for A (what was), the accent for B (what is new). */
export const PRESENCE_BADGE = {
  a: "border border-line bg-hover text-muted",
  b: "border border-accent/50 bg-accent/10 text-accent",
} as const;

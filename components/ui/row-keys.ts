import type { KeyboardEvent } from "react";

/**
 * Arrow keys move focus between the `[data-row-focus]` elements of a table's rows, so
 * a table is one tab stop deep and walkable like a list. Attach to the <tbody>.
 */
export function onRowArrowKeys(e: KeyboardEvent<HTMLElement>) {
  if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
  const targets = Array.from(e.currentTarget.querySelectorAll<HTMLElement>("[data-row-focus]"));
  const at = targets.findIndex((t) => t === document.activeElement || t.contains(document.activeElement));
  if (at === -1) return;
  const next = targets[at + (e.key === "ArrowDown" ? 1 : -1)];
  if (!next) return;
  e.preventDefault();
  next.focus();
  next.scrollIntoView({ block: "nearest" });
}

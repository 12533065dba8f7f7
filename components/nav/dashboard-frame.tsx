"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Kbd } from "@/components/ui/kbd";
import { ProjectProvider, type CurrentProject } from "@/components/project/project-context";
import type { ProjectChoice } from "@/lib/auth/page-access";
import { Sidebar } from "./sidebar";

const SHORTCUTS: [string[], string][] = [
  [["?"], "Show this list"],
  [["/"], "Focus the search or filter box"],
  [["↑", "↓"], "Move between rows in a table"],
  [["Enter"], "Open the focused row"],
  [["Esc"], "Close a panel or this dialog"],
];

/** The waterfall's own keys (components/waterfall/use-waterfall-keys.ts), listed on a trace's page. */
const WATERFALL_SHORTCUTS: [string[], string][] = [
  [["↑", "↓"], "Move between spans"],
  [["PgUp", "PgDn"], "Move a screen at a time"],
  [["Home", "End"], "First or last span"],
  [["→"], "Expand the span, or go to its first child"],
  [["←"], "Collapse the span, or go to its parent"],
  [["Enter", "Space"], "Open the span's details"],
  [["n", "N"], "Next or previous search match"],
  [["e"], "Next span with an error"],
];

/** The TraceQL editor's keys (components/query/traceql-editor.tsx), listed where one is on the page. */
const EDITOR_SHORTCUTS: [string[], string][] = [
  [["Enter"], "Run the query"],
  [["Shift", "Enter"], "New line"],
  [["Ctrl", "Space"], "Suggestions"],
];

/** The comparison's keys (components/trace-compare/compare-tree.tsx), listed on /traces/compare. */
const COMPARE_SHORTCUTS: [string[], string][] = [
  [["↑", "↓"], "Move between paths"],
  [["PgUp", "PgDn"], "Move a screen at a time"],
  [["Home", "End"], "First or last path"],
  [["→", "←"], "Expand or collapse, or go to the child or parent"],
  [["a", "b"], "Open the path's span in trace A or B"],
];

function typingIn(target: EventTarget | null) {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

/** The dashboard frame: navigation, page, and the global `?` and `/` keys. */
export function DashboardFrame({
  children, user, project, projects,
}: { children: React.ReactNode; user: { email: string; name: string }; project: CurrentProject; projects: ProjectChoice[] }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const pathname = usePathname();
  const onCompare = pathname === "/traces/compare";
  const onTrace = !onCompare && /^\/traces\/[^/]+/.test(pathname);
  const [open, setOpen] = useState(false);
  // Whether the page shows a TraceQL editor, read when the list opens (editors come and go with the page's state).
  const [editor, setEditor] = useState(false);
  const show = () => {
    setEditor(!!document.querySelector("[data-testid=query-editor]"));
    setOpen(true);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || typingIn(e.target)) return;
      if (e.key === "?") {
        e.preventDefault();
        show();
      } else if (e.key === "/") {
        const search = document.querySelector<HTMLElement>("[data-search]");
        if (!search) return;
        e.preventDefault();
        search.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
  }, [open]);

  return (
    <ProjectProvider value={project}>
    <div className="flex h-dvh">
      <Sidebar user={user} projects={projects} onShowShortcuts={show} />
      <main className="flex min-w-0 flex-1 flex-col overflow-y-auto">{children}</main>
      <dialog
        ref={dialog}
        onClose={() => setOpen(false)}
        aria-labelledby="shortcuts-title"
        className="m-auto w-80 rounded-lg border border-line bg-bg p-4 text-fg shadow-xl backdrop:bg-black/40"
      >
        <h2 id="shortcuts-title" className="mb-3 text-sm font-semibold">
          Keyboard shortcuts
        </h2>
        <ShortcutList items={SHORTCUTS} />
        {onTrace && (
          <>
            <h3 className="mt-4 mb-2 text-xs font-semibold text-muted">In a trace&apos;s waterfall</h3>
            <ShortcutList items={WATERFALL_SHORTCUTS} />
          </>
        )}
        {editor && (
          <>
            <h3 className="mt-4 mb-2 text-xs font-semibold text-muted">In a query editor</h3>
            <ShortcutList items={EDITOR_SHORTCUTS} />
          </>
        )}
        {onCompare && (
          <>
            <h3 className="mt-4 mb-2 text-xs font-semibold text-muted">In a trace comparison</h3>
            <ShortcutList items={COMPARE_SHORTCUTS} />
          </>
        )}
        <form method="dialog" className="mt-4 flex justify-end">
          <button className="h-7 rounded-md border border-line px-3 hover:bg-hover">Close</button>
        </form>
      </dialog>
    </div>
    </ProjectProvider>
  );
}

function ShortcutList({ items }: { items: [string[], string][] }) {
  return (
    <dl className="space-y-2">
      {items.map(([keys, what]) => (
        <div key={what} className="flex items-center justify-between gap-3">
          <dt className="flex gap-1">{keys.map((k) => <Kbd key={k}>{k}</Kbd>)}</dt>
          <dd className="text-muted">{what}</dd>
        </div>
      ))}
    </dl>
  );
}

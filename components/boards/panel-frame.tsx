"use client";

import { IntentLink as Link } from "@/components/ui/intent-link";
import { useRef, useState } from "react";
import { ErrorBoundary } from "react-error-boundary";
import type { Panel } from "@/lib/boards/types";
import { PanelBody } from "./panel-body";
import { exportCsv, exportPng, useExportSlot } from "./panel-export";
import type { PanelEnv } from "./panels/panel-context";
import { PanelError } from "./panels/panel-states";

const KIND_LABEL: Record<Panel["kind"], string> = { metrics: "Chart", funnel: "Funnel", tiers: "Tiers", traces: "Traces", number: "Number", note: "Note" };

/**
 * One panel: its title bar (the drag handle while editing), its own error boundary, and
 * the way back to the explorer it came from.
 */
export function PanelFrame({
  panel, env, explorer, editing, onRemove, actions,
}: {
  panel: Panel;
  env: PanelEnv;
  explorer: string | null;
  editing: boolean;
  onRemove?: () => void;
  actions?: React.ReactNode;
}) {
  const body = useRef<HTMLDivElement>(null);
  const { rows, register, Provider } = useExportSlot();
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const title = panel.title || KIND_LABEL[panel.kind];
  const csv = async () => setExportProblem((await exportCsv(title, rows.current)) ? null : "nothing to export yet");
  const png = () => body.current && exportPng(title, body.current).catch((e: Error) => setExportProblem(`PNG failed: ${e.message}`));
  return (
    <section aria-label={panel.title || KIND_LABEL[panel.kind]} data-testid="board-panel" data-kind={panel.kind} className="flex h-full flex-col overflow-hidden rounded-lg border border-line bg-panel">
      <header className={`panel-drag flex h-8 shrink-0 items-center gap-2 border-b border-line px-3 ${editing ? "cursor-move" : ""}`}>
        <h2 className="min-w-0 flex-1 truncate text-xs font-semibold" title={panel.title}>
          {panel.title || KIND_LABEL[panel.kind]}
        </h2>
        <div className="flex shrink-0 items-center gap-2 text-xs">
          {exportProblem && <span role="alert" className="text-error">{exportProblem}</span>}
          {panel.kind !== "note" && !editing && (
            <>
              <button type="button" className="text-muted hover:text-fg hover:underline" onClick={() => void csv()} aria-label={`Export ${title} as CSV`}>CSV</button>
              <button type="button" className="text-muted hover:text-fg hover:underline" onClick={() => void png()} aria-label={`Export ${title} as PNG`}>PNG</button>
            </>
          )}
          {actions}
          {explorer && !editing && (
            <Link href={explorer} className="text-muted hover:text-fg hover:underline" data-testid="open-in-explorer">
              Open in explorer
            </Link>
          )}
          {editing && onRemove && (
            <button type="button" onClick={onRemove} className="text-muted hover:text-error" aria-label={`Remove panel ${panel.title}`}>
              Remove
            </button>
          )}
        </div>
      </header>
      <div ref={body} className="min-h-0 flex-1 overflow-auto bg-panel p-3">
        <ErrorBoundary resetKeys={[panel, env.range, env.variables]} FallbackComponent={({ error }) => <PanelError error={error instanceof Error ? error : new Error(String(error))} />}>
          <Provider value={register}>
            <PanelBody panel={panel} env={env} />
          </Provider>
        </ErrorBoundary>
      </div>
    </section>
  );
}

"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { ProjectProvider } from "@/components/project/project-context";
import type { SnapshotPayload } from "@/lib/db/snapshots";
import { BoardGrid } from "./board-grid";
import { PanelFrame } from "./panel-frame";
import { PanelError } from "./panels/panel-states";

/**
 * A snapshot's panels, drawn by the board's own panel components from the answers frozen
 * with it: the cache holds every request's answer under its key and never goes stale, so
 * nothing is fetched and later data cannot change what is shown.
 */
export function SnapshotBoard({ payload }: { payload: SnapshotPayload }) {
  const [client] = useState(() => {
    const c = new QueryClient({
      defaultOptions: { queries: { staleTime: Infinity, gcTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnMount: false, refetchOnReconnect: false } },
    });
    for (const [key, data] of payload.frozen.answers) c.setQueryData(key as unknown[], data);
    return c;
  });
  const single = payload.frozen.panels.length === 1 && payload.panelId;
  const panels = payload.frozen.panels.map((f) => (single ? { ...f, panel: { ...f.panel, layout: { ...f.panel.layout, x: 0, y: 0, w: 12 } } } : f));
  const problems = new Map(panels.filter((f) => f.problem).map((f) => [f.panel.id, f.problem!]));
  const env = { range: payload.range, variables: payload.variables };
  return (
    <QueryClientProvider client={client}>
      <ProjectProvider value={{ slug: payload.project.slug, name: payload.project.name, role: "viewer" }}>
        <BoardGrid panels={panels.map((f) => f.panel)} editing={false} onLayout={() => {}}>
          {(panel) =>
            problems.has(panel.id) ? (
              <section aria-label={panel.title} data-testid="board-panel" className="flex h-full flex-col rounded-lg border border-line bg-panel p-3">
                <h2 className="mb-2 text-xs font-semibold">{panel.title}</h2>
                <PanelError error={new Error(`not kept in this snapshot: ${problems.get(panel.id)}`)} />
              </section>
            ) : (
              <PanelFrame panel={panel} env={env} explorer={null} editing={false} />
            )
          }
        </BoardGrid>
      </ProjectProvider>
    </QueryClientProvider>
  );
}

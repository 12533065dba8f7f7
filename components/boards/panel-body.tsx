"use client";

import type { Panel } from "@/lib/boards/types";
import { FunnelPanel } from "./panels/funnel-panel";
import { MetricsPanel } from "./panels/metrics-panel";
import { NotePanel } from "./panels/note-panel";
import { NumberPanel } from "./panels/number-panel";
import type { PanelEnv } from "./panels/panel-context";
import { TiersPanel } from "./panels/tiers-panel";
import { TracesPanel } from "./panels/traces-panel";

export function PanelBody({ panel, env }: { panel: Panel; env: PanelEnv }) {
  switch (panel.kind) {
    case "metrics":
      return <MetricsPanel query={panel.query} env={env} />;
    case "number":
      return <NumberPanel query={panel.query} env={env} />;
    case "funnel":
      return <FunnelPanel query={panel.query} env={env} />;
    case "tiers":
      return <TiersPanel query={panel.query} env={env} />;
    case "traces":
      return <TracesPanel query={panel.query} env={env} />;
    case "note":
      return <NotePanel query={panel.query} />;
  }
}

import { currencyKeys } from "@/lib/chart-data/measure";
import type { FunnelDefinition } from "@/lib/chart-data/funnel";
import { getSavedFunnel } from "@/lib/db/saved-funnels";
import { funnelBody, toFunnelQuery } from "@/lib/http/funnel-body";
import { parseMetricsRequest } from "@/lib/http/metrics-params";
import { runMetricsRequest } from "@/lib/metrics/run-plan";
import { parseSearchParams } from "@/lib/http/search-params";
import { getSpanStore } from "@/lib/spans";
import { panelReads, type PanelRead } from "./panel-queries";
import type { BoardVariable, Panel } from "./types";

/** A panel as frozen: why it could not be, if it could not. */
export interface FrozenPanel {
  panel: Panel;
  problem?: string;
}

/** What a snapshot keeps: its panels, and every answer they asked for under the key they ask with. */
export interface FrozenBoard {
  panels: FrozenPanel[];
  answers: [key: readonly unknown[], data: unknown][];
}

type Store = Awaited<ReturnType<typeof getSpanStore>>;

/** The same answer the API route gives, as plain JSON (what the page would have fetched). */
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

async function answer(read: PanelRead, projectId: number, store: Store): Promise<unknown> {
  switch (read.kind) {
    case "metrics":
      return asJson(await runMetricsRequest((q) => store.queryMetrics(q), parseMetricsRequest(new URLSearchParams(read.qs), projectId)));
    case "traces":
      return asJson(await store.searchTraces(parseSearchParams(new URLSearchParams(read.qs), projectId)));
    case "funnel": {
      const parsed = funnelBody.safeParse(read.def);
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "invalid funnel");
      return asJson(await store.queryFunnel(toFunnelQuery(parsed.data, projectId)));
    }
    case "savedFunnel": {
      const row = await getSavedFunnel(projectId, read.id);
      if (!row) throw new Error(`the saved funnel ${read.id} no longer exists`);
      const { projectId: _p, ...view } = row;
      void _p;
      return asJson(view);
    }
    case "currency": {
      // As useCurrency decides it: the one three-letter code the data states, if exactly one.
      for (const candidate of currencyKeys(read.money)) {
        const { values } = await store.listAttributeValues({ projectId, key: candidate, scope: "span", limit: 3 });
        const codes = values.filter((v) => /^[A-Za-z]{3}$/.test(v.value));
        if (codes.length === 1) return codes[0].value.toUpperCase();
        if (codes.length > 1) return null;
      }
      return null;
    }
  }
}

/**
 * Runs every request the panels make, over a pinned range, on the server. A panel whose
 * requests fail keeps its problem instead of data; the others are unaffected.
 */
export async function freezePanels(projectId: number, panels: Panel[], variables: BoardVariable[], range: { start: number; end: number }): Promise<FrozenBoard> {
  const store = await getSpanStore();
  const answers = new Map<string, [readonly unknown[], unknown]>();
  const frozen = await Promise.all(
    panels.map(async (panel): Promise<FrozenPanel> => {
      if (panel.kind === "metrics" && panel.query.view === "heatmap") return { panel, problem: "duration heatmaps are not kept in snapshots" };
      try {
        let saved: FunnelDefinition | undefined;
        if (panel.kind === "funnel" && panel.query.funnel) {
          const row = await getSavedFunnel(projectId, panel.query.funnel);
          if (!row) return { panel, problem: `the saved funnel ${panel.query.funnel} no longer exists` };
          saved = row.definition as FunnelDefinition;
        }
        for (const read of panelReads(panel, range, variables, saved)) {
          const id = JSON.stringify(read.key);
          if (!answers.has(id)) answers.set(id, [read.key, await answer(read, projectId, store)]);
        }
        return { panel };
      } catch (err) {
        return { panel, problem: (err as Error).message };
      }
    }),
  );
  return { panels: frozen, answers: [...answers.values()] };
}

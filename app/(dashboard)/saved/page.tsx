import type { Metadata } from "next";
import { connection } from "next/server";
import { TopBar } from "@/components/nav/top-bar";
import { SavedList, type SavedItem } from "@/components/saved/saved-list";
import { ServerNowProvider } from "@/components/ui/server-now";
import { pageAccess } from "@/lib/auth/page-access";
import { listBoards } from "@/lib/db/boards";
import { listSavedFilters } from "@/lib/db/saved-filters";
import { listSavedFunnels } from "@/lib/db/saved-funnels";
import { checkTraceQL } from "@/lib/traceql/check";
import { renderedAt } from "../request-context";

export const metadata: Metadata = { title: "Saved" };

const iso = (d: Date | string) => (typeof d === "string" ? d : d.toISOString());

/** Everything the team saved, in one place: boards, filters (open on /traces) and funnels (on /funnels). */
export default async function SavedPage() {
  await connection();
  const { project } = await pageAccess();
  const [boards, filters, funnels] = await Promise.all([listBoards(project.id), listSavedFilters(project.id), listSavedFunnels(project.id)]);
  const items: SavedItem[] = [
    ...boards.map((b): SavedItem => ({ kind: "board", id: b.id, name: b.name, owner: b.owner, createdAt: b.createdAt, updatedAt: b.updatedAt, detail: `${b.panelCount} panels${b.description ? ` · ${b.description}` : ""}` })),
    ...filters.map((f): SavedItem => ({
      kind: "filter", id: f.id, name: f.name, owner: f.author, createdAt: iso(f.createdAt), updatedAt: iso(f.updatedAt),
      detail: `${f.query} · ${f.since ? `last ${f.since}` : f.startNs ? "pinned range" : "page default range"}`,
      problem: checkTraceQL(f.query)?.message,
    })),
    ...funnels.map((f): SavedItem => {
      const steps = (f.definition as { steps?: string[] }).steps ?? [];
      return { kind: "funnel", id: f.id, name: f.name, owner: f.author, createdAt: iso(f.createdAt), updatedAt: iso(f.updatedAt), detail: `${steps.length} steps: ${steps.join(" → ")}` };
    }),
  ].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <ServerNowProvider now={renderedAt()}>
      <TopBar title="Saved" subtitle={`${boards.length} boards · ${filters.length} filters · ${funnels.length} funnels`} />
      <SavedList items={items} />
    </ServerNowProvider>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SnapshotBoard } from "@/components/boards/snapshot-board";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { describeRange } from "@/lib/chart-data/range";
import { openSnapshot } from "@/lib/db/snapshots";

export const metadata: Metadata = { title: "Snapshot", referrer: "no-referrer", robots: { index: false, follow: false } };

const utc = (iso: string | Date) => `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * A public, read-only snapshot: open without signing in to whoever has the link. The page
 * first says exactly what it exposes (project, panels, range, when and by whom).
 */
export default async function SnapshotPage({ params }: { params: Promise<{ token: string }> }) {
  const found = await openSnapshot((await params).token);
  if (!found) notFound();
  const { view, payload } = found;
  const variables = payload.variables.filter((v) => v.values.length);
  return (
    <main className="min-h-dvh bg-bg text-fg">
      <header className="flex flex-wrap items-start gap-4 border-b border-line px-4 py-3">
        <div className="min-w-0 flex-1">
          <p className="text-xs text-muted">Spanlens snapshot · read-only</p>
          <h1 className="text-base font-semibold">{view.title}</h1>
          {payload.board.description && !payload.panelId && <p className="text-muted">{payload.board.description}</p>}
        </div>
        <div className="w-40"><ThemeToggle /></div>
      </header>
      <section aria-label="What this snapshot exposes" className="border-b border-line bg-panel px-4 py-2 text-xs text-muted" data-testid="snapshot-exposes">
        This page shows <strong className="text-fg">{payload.frozen.panels.length} panel{payload.frozen.panels.length === 1 ? "" : "s"}</strong> of project{" "}
        <strong className="text-fg">{payload.project.name}</strong> over <strong className="text-fg">{describeRange(payload.range)}</strong>
        {variables.length > 0 && <> with {variables.map((v) => `${v.key} = ${v.values.join(" or ")}`).join("; ")}</>}, as they were when{" "}
        <strong className="text-fg">{payload.takenBy}</strong> took it on <strong className="text-fg">{utc(payload.takenAt)}</strong>. Later data does
        not change it. {view.expiresAt ? <>It stops working on {utc(view.expiresAt)}.</> : <>It works until revoked.</>} Anyone with the link can see it.
      </section>
      <div className="p-4" data-testid="snapshot">
        <SnapshotBoard payload={payload} />
      </div>
    </main>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { TopBar } from "@/components/nav/top-bar";
import { EmptyState } from "@/components/ui/empty-state";
import { pageAccess } from "@/lib/auth/page-access";
import { listSavedFilters } from "@/lib/db/saved-filters";
import { listSavedFunnels } from "@/lib/db/saved-funnels";
import { checkTraceQL } from "@/lib/traceql/check";

export const metadata: Metadata = { title: "Saved" };

const TH = "sticky top-11 bg-bg px-3 py-1.5 text-left font-medium text-muted";
const TD = "px-3 py-1.5 align-top";

/** Everything the team saved, in one place: filters open on /traces, funnels on /funnels. */
export default async function SavedPage() {
  await connection();
  const { project } = await pageAccess();
  const [filters, funnels] = await Promise.all([listSavedFilters(project.id), listSavedFunnels(project.id)]);
  return (
    <>
      <TopBar title="Saved" subtitle={`${filters.length} filters · ${funnels.length} funnels`} />
      <div className="flex flex-col gap-6 p-4">
        <section>
          <h2 className="mb-2 text-base font-semibold">Saved filters</h2>
          {filters.length === 0 ? (
            <EmptyState title="No saved filters yet">
              Write a query on <Link className="underline" href="/traces">Traces</Link> and press Save: it gets a link your team can open.
            </EmptyState>
          ) : (
            <table className="w-full text-sm" data-testid="saved-filters">
              <thead><tr><th className={TH}>Name</th><th className={TH}>Query</th><th className={TH}>Range</th><th className={TH}>Author</th></tr></thead>
              <tbody>
                {filters.map((f) => {
                  const problem = checkTraceQL(f.query);
                  return (
                    <tr key={f.id} className="border-t border-line">
                      <td className={TD}><Link className="font-medium underline-offset-2 hover:underline" href={`/traces?filter=${f.id}`}>{f.name}</Link></td>
                      <td className={`${TD} font-mono text-xs`}>
                        {f.query}
                        {problem && <div className="mt-1 font-sans text-red-700 dark:text-red-400">No longer parses: {problem.message}</div>}
                      </td>
                      <td className={`${TD} font-mono text-xs`}>{f.since ? `last ${f.since}` : f.startNs ? "pinned range" : "page default"}</td>
                      <td className={TD}>{f.author}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
        <section>
          <h2 className="mb-2 text-base font-semibold">Saved funnels</h2>
          {funnels.length === 0 ? (
            <EmptyState title="No saved funnels yet">
              Build one on <Link className="underline" href="/funnels">Funnels</Link> and save it to share its link.
            </EmptyState>
          ) : (
            <table className="w-full text-sm" data-testid="saved-funnels">
              <thead><tr><th className={TH}>Name</th><th className={TH}>Steps</th><th className={TH}>Author</th></tr></thead>
              <tbody>
                {funnels.map((f) => {
                  const steps = (f.definition as { steps?: string[] }).steps ?? [];
                  return (
                    <tr key={f.id} className="border-t border-line">
                      <td className={TD}><Link className="font-medium underline-offset-2 hover:underline" href={`/funnels?funnel=${f.id}`}>{f.name}</Link></td>
                      <td className={`${TD} font-mono text-xs`}>{steps.length} steps: {steps.join(" → ")}</td>
                      <td className={TD}>{f.author}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Fact } from "./facts";
import { PurgeStatus } from "./purge-status";
import { fetchRetention, retentionKey } from "./queries";
import { RetentionForm } from "./retention-form";
import { StorageFacts } from "./storage-facts";
import { LoadError } from "@/components/ui/load-error";

// Sizes and the next purge move on their own: refresh while the page is open.
const REFRESH_MS = 30_000;

/** Settings' storage and retention: how much is stored, for how long, and the purges. */
export function RetentionPanel({ slug }: { slug: string }) {
  const query = useQuery({
    queryKey: retentionKey(slug),
    queryFn: () => fetchRetention(slug),
    // Also just after the next purge is due, so its result shows without a reload.
    refetchInterval: (q) => {
      const next = q.state.data?.purge.nextRunAt;
      const due = next ? Date.parse(next) - Date.now() + 2_000 : REFRESH_MS;
      return Math.max(2_000, Math.min(REFRESH_MS, due));
    },
  });
  if (query.isPending) return <SkeletonRows rows={6} columns={3} />;
  if (query.isError) {
    return <LoadError what="storage and retention" error={query.error} />;
  }
  const view = query.data;
  return (
    <dl className="border-t border-line" data-testid="retention-panel">
      <StorageFacts view={view} />
      <Fact label="Retention">
        <RetentionForm slug={slug} view={view} />
      </Fact>
      <Fact label="Purges">
        <PurgeStatus slug={slug} view={view} />
      </Fact>
    </dl>
  );
}

import { TopBar } from "@/components/nav/top-bar";
import { Skeleton, SkeletonRows } from "@/components/ui/skeleton";

/** The comparison's shape while it loads: two trace lines, the legend, then rows. */
export default function Loading() {
  return (
    <>
      <TopBar title="Compare traces" />
      <div className="flex flex-col gap-2 border-b border-line px-4 py-3" aria-busy>
        <Skeleton className="h-5 w-2/3" />
        <Skeleton className="h-5 w-2/3" />
        <Skeleton className="h-4 w-96" />
      </div>
      <div className="p-4 pt-3">
        <SkeletonRows rows={16} columns={6} />
      </div>
    </>
  );
}

import { TopBar } from "@/components/nav/top-bar";
import { Skeleton, SkeletonRows } from "@/components/ui/skeleton";

/** The page's shape while it loads: query bar, histogram, summary line, rows. */
export default function Loading() {
  return (
    <>
      <TopBar title="Traces" />
      <div className="flex flex-col gap-3 p-4" aria-busy>
        <div className="flex gap-2">
          <Skeleton className="h-[30px] flex-1" />
          <Skeleton className="h-7 w-28" />
          <Skeleton className="h-7 w-20" />
        </div>
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-4 w-64" />
        <SkeletonRows rows={12} columns={8} />
      </div>
    </>
  );
}

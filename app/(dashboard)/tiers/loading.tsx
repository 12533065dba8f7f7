import { TopBar } from "@/components/nav/top-bar";
import { ChartSkeleton } from "@/components/charts/chart-states";
import { Skeleton, SkeletonRows } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <>
      <TopBar title="Customer tiers" />
      <div className="flex flex-col gap-4 p-4">
        <Skeleton className="h-14 w-full" />
        <SkeletonRows rows={4} columns={6} />
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          {[0, 1, 2, 3].map((i) => (
            <ChartSkeleton key={i} height={200} />
          ))}
        </div>
      </div>
    </>
  );
}

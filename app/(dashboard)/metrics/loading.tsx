import { TopBar } from "@/components/nav/top-bar";
import { ChartSkeleton } from "@/components/charts/chart-states";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <>
      <TopBar title="Metrics" />
      <div className="flex flex-col gap-3 p-4">
        <Skeleton className="h-7 w-full" />
        <Skeleton className="h-7 w-2/3" />
        <Skeleton className="h-4 w-72" />
        <ChartSkeleton />
      </div>
    </>
  );
}

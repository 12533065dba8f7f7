import { TopBar } from "@/components/nav/top-bar";
import { ChartSkeleton } from "@/components/charts/chart-states";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <>
      <TopBar title="Funnels" />
      <div className="flex flex-col gap-3 p-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-7 w-full" />
        ))}
        <Skeleton className="h-7 w-2/3" />
        <ChartSkeleton height={220} />
      </div>
    </>
  );
}

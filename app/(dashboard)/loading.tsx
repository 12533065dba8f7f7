import { TopBar } from "@/components/nav/top-bar";
import { Skeleton, SkeletonRows } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <>
      <TopBar title="Traces" />
      <div className="flex flex-col gap-3 p-4">
        <Skeleton className="h-4 w-48" />
        <SkeletonRows rows={14} columns={7} />
      </div>
    </>
  );
}

import { TopBar } from "@/components/nav/top-bar";
import { Skeleton, SkeletonRows } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <>
      <TopBar title="Settings" />
      <div className="flex max-w-4xl flex-col gap-4 p-4">
        <Skeleton className="h-5 w-32" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-7 w-96" />
        <SkeletonRows rows={3} columns={5} />
      </div>
    </>
  );
}

import { TopBar } from "@/components/nav/top-bar";
import { Skeleton, SkeletonRows } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <>
      <TopBar title={<Skeleton className="h-4 w-64" />} />
      <div className="flex gap-8 border-b border-line px-4 py-3">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-8 w-24" />
        ))}
      </div>
      <div className="p-4 pt-3">
        <SkeletonRows rows={16} columns={4} />
      </div>
    </>
  );
}

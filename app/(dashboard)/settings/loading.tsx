import { TopBar } from "@/components/nav/top-bar";
import { Skeleton, SkeletonRows } from "@/components/ui/skeleton";

/** API keys, storage and retention, sampling rules: each a heading, a line and rows. */
export default function Loading() {
  return (
    <>
      <TopBar title="Settings" />
      <div className="flex max-w-4xl flex-col gap-8 p-4">
        {[3, 6, 4].map((rows, i) => (
          <div key={i} className="flex flex-col gap-3">
            <Skeleton className="h-5 w-40" />
            <Skeleton className="h-4 w-full" />
            <SkeletonRows rows={rows} columns={5} />
          </div>
        ))}
      </div>
    </>
  );
}

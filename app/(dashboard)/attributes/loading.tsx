import { TopBar } from "@/components/nav/top-bar";
import { SkeletonRows } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <>
      <TopBar title="Attributes" />
      <div className="p-4">
        <SkeletonRows rows={18} columns={8} />
      </div>
    </>
  );
}

/** A grey block where content is coming. Decorative: the region around it says it is busy. */
export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden className={`animate-pulse rounded bg-hover ${className}`} />;
}

/** Skeleton rows shaped like a compact table. */
export function SkeletonRows({ rows = 12, columns = 6 }: { rows?: number; columns?: number }) {
  return (
    <div role="status" aria-label="Loading" className="divide-y divide-line border-y border-line">
      {Array.from({ length: rows }, (_, r) => (
        <div key={r} className="flex h-[30px] items-center gap-4 px-3">
          {Array.from({ length: columns }, (_, c) => (
            <Skeleton key={c} className={`h-3 ${c === 2 ? "flex-1" : "w-16"}`} />
          ))}
        </div>
      ))}
    </div>
  );
}

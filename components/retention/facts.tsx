/** One labelled line of the storage panel: a compact label column, the value beside it. */
export function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="grid min-h-[30px] grid-cols-[9rem_1fr] items-baseline gap-3 border-b border-line py-1.5" data-testid={testId}>
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

export const Sep = () => (
  <span aria-hidden className="mx-1.5 text-faint">
    ·
  </span>
);

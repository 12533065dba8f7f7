export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-line px-6 py-8" data-testid="empty-state">
      <h2 className="text-sm font-semibold">{title}</h2>
      {children && <div className="mt-1.5 max-w-2xl text-muted">{children}</div>}
    </div>
  );
}

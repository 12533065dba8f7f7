/** The bar at the top of every page: what the page is, and its page-level actions. */
export function TopBar({ title, subtitle, children }: { title: React.ReactNode; subtitle?: React.ReactNode; children?: React.ReactNode }) {
  return (
    <header className="sticky top-0 z-20 flex h-11 shrink-0 items-center gap-3 border-b border-line bg-bg/95 px-4 backdrop-blur">
      <h1 className="min-w-0 truncate text-sm font-semibold">{title}</h1>
      {subtitle && <div className="min-w-0 truncate text-muted">{subtitle}</div>}
      <div className="ml-auto flex shrink-0 items-center gap-2">{children}</div>
    </header>
  );
}

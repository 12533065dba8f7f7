import { serviceColor } from "@/lib/format/service-color";

/** A service name in its colour: the same colour on every page. */
export function ServiceChip({ name, className = "" }: { name: string; className?: string }) {
  const color = serviceColor(name);
  return (
    <span
      title={name}
      data-testid="service-chip"
      className={`inline-flex max-w-full items-center gap-1.5 rounded px-1.5 py-px text-xs font-medium ${className}`}
      style={{ color, backgroundColor: `color-mix(in oklab, ${color} 13%, transparent)` }}
    >
      <span aria-hidden className="size-1.5 shrink-0 rounded-full" style={{ backgroundColor: color }} />
      <span className="truncate">{name || "unknown"}</span>
    </span>
  );
}

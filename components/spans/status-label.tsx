import type { StatusName } from "@/lib/contract";

/** Span status with fixed meanings: error is red (and only error), ok and unset are calm. */
export function StatusLabel({ status }: { status: StatusName }) {
  if (status === "error") return <span className="font-medium text-error">error</span>;
  if (status === "ok") return <span className="text-muted">ok</span>;
  return <span className="text-faint">unset</span>;
}

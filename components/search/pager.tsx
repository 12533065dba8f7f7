import { formatInteger } from "@/lib/format/count";
import { Button } from "@/components/ui/button";
import { TRACE_PAGE_SIZE } from "./api";

interface Props {
  index: number;
  shown: number;
  total: number;
  hasNext: boolean;
  busy: boolean;
  onPrev: () => void;
  onNext: () => void;
}

export function Pager({ index, shown, total, hasNext, busy, onPrev, onNext }: Props) {
  const first = index * TRACE_PAGE_SIZE + 1;
  return (
    <nav aria-label="Pages" className="flex items-center gap-2 text-xs text-muted">
      <span className="font-mono" data-testid="page-range">
        {shown === 0 ? "0" : `${formatInteger(first)}–${formatInteger(first + shown - 1)}`} of {formatInteger(total)}
      </span>
      <Button onClick={onPrev} disabled={index === 0}>← Previous</Button>
      <Button onClick={onNext} disabled={!hasNext || busy}>{busy ? "Loading…" : "Next →"}</Button>
    </nav>
  );
}

"use client";

import { IntentLink as Link } from "@/components/ui/intent-link";
import type { CompareAttribute, CompareValue } from "@/lib/contract";
import { formatPercent } from "@/lib/format/count";
import { compareField, compareValueCondition, compareValueLabel } from "@/lib/chart-data/compare-values";

interface Props {
  attribute: CompareAttribute;
  rank: number;
  /** Where a value leads: /traces filtered to the selection's spans with that value. */
  href: (condition: string) => string;
  /** Adds the value's condition to the page's own query, when the page has one. */
  onAdd?: (condition: string) => void;
}

function Bar({ share, tone, label }: { share: number; tone: "selection" | "baseline"; label: string }) {
  return (
    <span className="flex items-center gap-1.5" title={`${label}: ${formatPercent(share)}`}>
      <span className="h-2.5 w-24 shrink-0 overflow-hidden rounded-sm bg-hover" aria-hidden>
        <span
          className={`block h-full ${tone === "selection" ? "bg-accent" : "bg-faint"}`}
          style={{ width: `${Math.max(share > 0 ? 1 : 0, share * 100)}%` }}
        />
      </span>
      <span className="w-12 text-right font-mono text-[11px] tabular-nums text-muted">{formatPercent(share)}</span>
    </span>
  );
}

function ValueRow({ attribute, value, href, onAdd }: { attribute: CompareAttribute; value: CompareValue } & Pick<Props, "href" | "onAdd">) {
  const condition = compareValueCondition(attribute, value);
  const label = compareValueLabel(value);
  return (
    <li className="flex items-center gap-2 py-0.5" data-testid="compare-value">
      {condition ? (
        <Link
          href={href(condition)}
          className="min-w-0 flex-1 truncate font-mono text-[12px] text-fg hover:text-accent hover:underline"
          title={`Show the selection's traces where ${condition}`}
        >
          {label}
        </Link>
      ) : (
        <span className="min-w-0 flex-1 truncate font-mono text-[12px] text-muted" title="Every value past the top ones">{label}</span>
      )}
      <Bar share={value.selection} tone="selection" label="Selection" />
      <Bar share={value.baseline} tone="baseline" label="Baseline" />
      {onAdd && (
        <button
          type="button"
          className="w-5 rounded text-muted hover:bg-hover hover:text-fg disabled:invisible"
          disabled={!condition}
          onClick={() => condition && onAdd(condition)}
          aria-label={`Add ${condition ?? label} to the query`}
          title="Add to the query"
        >
          +
        </button>
      )}
    </li>
  );
}

/** One attribute: its values' shares in the selection (accent) beside the baseline's (grey). */
export function AttributeCard({ attribute, rank, href, onAdd }: Props) {
  return (
    <li className="rounded-md border border-line px-3 py-2" data-testid="compare-attribute" data-key={attribute.key}>
      <div className="mb-1 flex items-baseline gap-2">
        <span className="text-[11px] text-faint tabular-nums">{rank}.</span>
        <h3 className="min-w-0 flex-1 truncate font-mono text-[13px] font-medium">{compareField(attribute)}</h3>
        <span className="text-[11px] text-muted" title="Total variation distance: how much of the selection would have to move to look like the baseline">
          differs by <span className="font-mono text-fg">{formatPercent(attribute.score)}</span>
        </span>
      </div>
      <ul>
        {attribute.values.map((v, i) => <ValueRow key={i} attribute={attribute} value={v} href={href} onAdd={onAdd} />)}
      </ul>
    </li>
  );
}

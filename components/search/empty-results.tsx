"use client";

import { useQueries } from "@tanstack/react-query";
import { stringEqualities } from "@/lib/query-builder/conditions";
import { fieldText } from "@/lib/query-builder/fields";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useHydrated } from "@/components/ui/use-now";
import { valuesQuery } from "@/components/query/catalog";
import { rangeLabel, sinceLabel, widerPreset, type TimeRange } from "@/components/query/time-range";

interface Props {
  query: string;
  range: TimeRange;
  onWiden: (since: string) => void;
  onClearQuery: () => void;
}

const shortKey = (f: ReturnType<typeof stringEqualities>[number]) => (f.field.kind === "attribute" ? f.field.key : fieldText(f.field));

/**
 * Says why nothing matched and what to try: the values the catalog knows for the fields the
 * query compares (a typo or a wrong tier shows at once), a longer range, or no query.
 */
export function EmptyResults({ query, range, onWiden, onClearQuery }: Props) {
  const conditions = stringEqualities(query).slice(0, 3);
  const known = useQueries({ queries: conditions.map((c) => valuesQuery(c.catalog)) });
  const loaded = conditions.map((c, i) => ({ c, values: known[i]?.data?.values ?? [], ready: known[i]?.isSuccess ?? false }));
  // Name the values of the fields whose value is unknown (the likely typo); when every value
  // is known, the combination is what matches nothing.
  const misses = loaded.filter((l) => l.ready && !l.values.some((v) => v.value === l.c.value));
  const allKnown = loaded.length > 1 && loaded.every((l) => l.ready) && misses.length === 0;
  const hints = misses.length > 0 || loaded.length !== 1 ? misses : loaded.filter((l) => l.ready);
  const wider = widerPreset(range);
  // The server renders absolute times in UTC; the browser's zone only after hydration.
  const label = rangeLabel(range, useHydrated() ? undefined : "UTC");
  const where = range.kind === "relative" ? `in the ${label}` : `between ${label}`;
  const hasQuery = !!query.trim() && !/^\s*\{\s*\}\s*$/.test(query);

  return (
    <EmptyState title={hasQuery ? "No traces match" : "No traces in this range"}>
      <p>
        {hasQuery ? (
          <>
            No traces match <code className="font-mono text-fg">{query.trim()}</code> {where}.
          </>
        ) : (
          <>Nothing was received {where}.</>
        )}
      </p>
      {hints.map(({ c, values }) => {
        const key = <code className="font-mono text-fg">{shortKey(c)}</code>;
        if (values.length === 0) return <p key={shortKey(c)} className="mt-1">{key} has not been seen in any span: check the key’s spelling and scope.</p>;
        return (
          <p key={shortKey(c)} className="mt-1" data-testid="known-values">
            {key} has values <span className="font-mono text-fg">{values.slice(0, 8).map((v) => v.value).join(", ")}</span>
            {values.length > 8 ? ", …" : ""}
            {values.some((v) => v.value === c.value) ? "." : `; “${c.value}” is not one of them.`}
          </p>
        );
      })}
      {allKnown && <p className="mt-1">Each value exists on its own, but no trace {where} has them together.</p>}
      <div className="mt-3 flex gap-2">
        {wider && <Button onClick={() => onWiden(wider)}>Search the {sinceLabel(wider)}</Button>}
        {hasQuery && <Button variant="ghost" onClick={onClearQuery}>Clear the query</Button>}
      </div>
    </EmptyState>
  );
}

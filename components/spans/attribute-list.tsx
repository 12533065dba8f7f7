import { currencyFor } from "@/lib/format/money";
import { attributeSearchHref } from "@/lib/waterfall/traceql-link";
import { groupAttributes } from "./attribute-groups";
import { AttributeValue } from "./attribute-value";
import type { JsonValue } from "@/lib/contract";

interface Props {
  attributes: Record<string, JsonValue>;
  empty: string;
  testId?: string;
  /** Where these attributes live in TraceQL; set, each value links to a search for it. */
  scope?: "span" | "resource";
}

/** `key = value` rows grouped by namespace (`business.*` first). */
export function AttributeList({ attributes, empty, testId, scope }: Props) {
  const groups = groupAttributes(attributes);
  if (groups.length === 0) return <p className="text-muted">{empty}</p>;
  return (
    <div className="space-y-2" data-testid={testId}>
      {groups.map((g) => (
        <div key={g.namespace || "(none)"}>
          {groups.length > 1 && (
            <h4 className="mb-0.5 font-mono text-[11px] text-faint">{g.namespace ? `${g.namespace}.*` : "other"}</h4>
          )}
          <dl className="grid grid-cols-[minmax(8rem,max-content)_1fr] gap-x-2 text-xs">
            {g.entries.map(([key, value]) => (
              <div key={key} className="contents" data-testid="attribute">
                <dt className="truncate py-0.5 font-mono text-muted" title={key}>
                  {key} <span className="text-faint">=</span>
                </dt>
                <dd className="min-w-0 py-0.5">
                  <AttributeValue value={value} currency={currencyFor(key, attributes)} href={scope ? attributeSearchHref(scope, key, value) : null} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}

"use client";

import { IntentLink as Link } from "@/components/ui/intent-link";
import { formatMoney } from "@/lib/format/money";
import { useCopy } from "@/components/ui/copy-button";
import type { JsonValue } from "@/lib/contract";

function display(value: JsonValue): { text: string; kind: string } {
  if (value === null) return { text: "null", kind: "null" };
  if (typeof value === "string") return { text: JSON.stringify(value), kind: "string" };
  if (typeof value === "number") return { text: String(value), kind: "number" };
  if (typeof value === "boolean") return { text: String(value), kind: "bool" };
  return { text: JSON.stringify(value), kind: Array.isArray(value) ? "array" : "object" };
}

/**
 * A typed value: strings quoted, numbers plain, bools as a chip. With `href` the value
 * links to the traces that have it ("filter by this") and a copy button sits beside it;
 * without, a click copies it.
 */
export function AttributeValue({ value, currency, href }: { value: JsonValue; currency?: string | null; href?: string | null }) {
  const { copied, copy } = useCopy();
  const { text, kind } = display(value);
  const raw = typeof value === "string" ? value : text;
  const money = typeof value === "number" && currency ? formatMoney(value, currency) : null;
  const shown = (
    <>
      {kind === "bool" ? (
        <span className="inline-flex rounded border border-line px-1.5 text-[11px] leading-4 text-fg">{text}</span>
      ) : (
        <span className={kind === "null" ? "text-faint" : "text-fg"}>{text}</span>
      )}
      {money && <span className="ml-2 font-sans text-muted">{money}</span>}
    </>
  );
  if (!href) {
    return (
      <button
        type="button"
        onClick={() => void copy(raw)}
        title={copied ? "Copied" : `${kind} · click to copy`}
        data-kind={kind}
        className="max-w-full rounded px-0.5 text-left font-mono break-all hover:bg-hover"
      >
        {shown}
        {copied && <span className="ml-2 font-sans text-xs text-muted">copied</span>}
      </button>
    );
  }
  return (
    <span className="group inline-flex max-w-full items-start gap-1" data-kind={kind}>
      <Link href={href} title={`${kind} · search traces with this value`} className="min-w-0 rounded px-0.5 font-mono break-all hover:bg-hover hover:underline">
        {shown}
      </Link>
      <button
        type="button"
        onClick={() => void copy(raw)}
        aria-label="Copy value"
        className="shrink-0 rounded px-1 font-sans text-[11px] text-faint opacity-0 group-hover:opacity-100 hover:bg-hover hover:text-fg focus-visible:opacity-100"
      >
        {copied ? "copied" : "copy"}
      </button>
    </span>
  );
}

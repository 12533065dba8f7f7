"use client";

import { AttrDatalist, AttrInput } from "@/components/charts/attr-input";
import { ENTITY_SUGGESTIONS, WINDOW_CHOICES } from "@/lib/chart-data/funnel";
import type { AttributeKeyInfo } from "@/lib/contract";

interface Props {
  by: string;
  window: string;
  breakdown: string;
  keys: AttributeKeyInfo[];
  onChange: (patch: { by?: string; window?: string; breakdown?: string }) => void;
  invalid: { by?: boolean; window?: boolean; breakdown?: boolean };
}

const spanKeys = (keys: AttributeKeyInfo[], pred: (k: AttributeKeyInfo) => boolean) =>
  keys.filter((k) => (k.scope === "span" || k.scope === "resource") && pred(k)).map((k) => `${k.scope}.${k.key}`);

/** Who moves through the funnel, how long they have, and what to compare them by. */
export function FunnelSettings({ by, window, breakdown, keys, onChange, invalid }: Props) {
  const windows = (WINDOW_CHOICES as readonly string[]).includes(window) ? WINDOW_CHOICES : [window, ...WINDOW_CHOICES];
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <AttrDatalist id="funnel-entities" options={[...ENTITY_SUGGESTIONS, ...spanKeys(keys, (k) => /(^|\.)(id|user|session)$|_id$/.test(k.key))]} />
      <AttrDatalist id="funnel-breakdowns" options={spanKeys(keys, (k) => k.types.includes("string") || k.types.includes("bool"))} />
      <label className="flex items-center gap-1.5" title="trace: each trace is one entity. An attribute joins steps across traces (the same user on different requests).">
        <span className="text-muted">Entity</span>
        <AttrInput value={by} onCommit={(v) => onChange({ by: v || "trace" })} list="funnel-entities" label="Entity" placeholder="trace" className="w-48" invalid={invalid.by} testId="funnel-by" />
      </label>
      <label className="flex items-center gap-1.5" title="How long after its first step an entity may reach the last">
        <span className="text-muted">within</span>
        <select value={window} onChange={(e) => onChange({ window: e.target.value })} className={`h-7 rounded-md border bg-bg px-1.5 text-[13px] ${invalid.window ? "border-error" : "border-line"}`} data-testid="funnel-window">
          {windows.map((w) => (
            <option key={w} value={w}>{w}</option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1.5">
        <span className="text-muted">Break down by</span>
        <AttrInput value={breakdown} onCommit={(v) => onChange({ breakdown: v })} list="funnel-breakdowns" label="Break down by" placeholder="e.g. span.customer.tier" className="w-60" invalid={invalid.breakdown} testId="funnel-breakdown" />
      </label>
    </div>
  );
}

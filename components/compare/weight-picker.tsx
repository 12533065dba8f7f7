"use client";

import { useAttributeKeys } from "@/components/charts/queries";

/** "Weight by": span count, or any numeric attribute of the catalog (business.* first). */
export function WeightPicker({ value, onChange }: { value: string | null; onChange: (v: string | null) => void }) {
  const keys = useAttributeKeys();
  const numeric = (keys.data ?? [])
    .filter((k) => (k.scope === "span" || k.scope === "resource") && k.types.some((t) => t === "int" || t === "double"))
    .map((k) => `${k.scope}.${k.key}`)
    .sort((a, b) => Number(b.includes("business.")) - Number(a.includes("business.")) || a.localeCompare(b));
  const options = value && !numeric.includes(value) ? [value, ...numeric] : numeric;
  return (
    <label className="flex items-center gap-1.5 text-xs text-muted">
      Weight by
      <select
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || null)}
        className="h-7 max-w-56 rounded-md border border-line bg-bg px-1.5 font-mono text-[12px] text-fg"
        data-testid="compare-weight"
      >
        <option value="">span count</option>
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </label>
  );
}

"use client";

import { useState } from "react";
import { AttrDatalist, AttrInput } from "@/components/charts/attr-input";
import { fetchValues } from "@/components/charts/queries";
import { Button } from "@/components/ui/button";
import { stepsFromValues } from "@/lib/chart-data/funnel";
import type { AttributeKeyInfo } from "@/lib/contract";

/**
 * Starts a funnel from one attribute: a step per value, busiest first (a funnel narrows, so
 * that is usually the right order; the arrows fix it when not).
 */
export function StepsFromValues({ keys, onSteps }: { keys: AttributeKeyInfo[]; onSteps: (steps: string[]) => void }) {
  const candidates = keys.filter((k) => k.scope === "span" && k.types.includes("string"));
  const stage = candidates.find((k) => /(^|\.)(stage|step|funnel)/.test(k.key));
  const [label, setLabel] = useState(stage ? `span.${stage.key}` : "");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fill = async () => {
    const m = /^(span|resource)\.(.+)$/.exec(label.trim());
    if (!m) return setProblem("Give an attribute like span.funnel.stage");
    setBusy(true);
    try {
      const { values } = await fetchValues(m[2], m[1], 10);
      if (values.length < 2) return setProblem(`${label} has ${values.length === 0 ? "no catalogued values" : "one value"}; a funnel needs two steps.`);
      setProblem(null);
      onSteps(stepsFromValues(label.trim(), values.map((v) => v.value), [...new Set(values.map((v) => v.type))]));
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-2 text-[13px]">
      <AttrDatalist id="funnel-stage-keys" options={candidates.map((k) => `span.${k.key}`)} />
      <span className="text-muted">Or start with one step per value of</span>
      <AttrInput value={label} onCommit={setLabel} list="funnel-stage-keys" label="Attribute whose values become steps" placeholder="span.funnel.stage" className="w-52" />
      <Button onClick={() => void fill()} disabled={busy || !label.trim()} data-testid="steps-from-values">
        {busy ? "Reading values…" : "Fill steps"}
      </Button>
      {problem && <span role="alert" className="text-xs text-error">{problem}</span>}
    </div>
  );
}

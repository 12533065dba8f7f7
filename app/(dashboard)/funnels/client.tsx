"use client";

import { AddToBoard } from "@/components/boards/add-to-board";
import { useCanEdit } from "@/components/project/use-can-edit";
import { useQueryStates } from "nuqs";
import { useState } from "react";
import { ApiError } from "@/components/charts/api";
import { ChartSkeleton, QueryErrorNote } from "@/components/charts/chart-states";
import { QueryProgress } from "@/components/charts/progress";
import { useAttributeKeys } from "@/components/charts/queries";
import { chartLinkTime, RangePicker } from "@/components/charts/range-picker";
import { CopyLinkMenu } from "@/components/share/copy-link-menu";
import { FunnelResults } from "@/components/funnels/funnel-results";
import { FunnelSettings } from "@/components/funnels/funnel-settings";
import { useFunnel, useSavedFunnel } from "@/components/funnels/queries";
import { SaveFunnelDialog } from "@/components/funnels/save-dialog";
import { SavedFunnelMenu } from "@/components/funnels/saved-menu";
import { StepEditor } from "@/components/funnels/step-editor";
import { StepsFromValues } from "@/components/funnels/steps-from-values";
import { TopBar } from "@/components/nav/top-bar";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { erroredStep, fromDefinition, MIN_STEPS, toDefinition, type FunnelForm } from "@/lib/chart-data/funnel";
import { isPinned, rangeFromUrl, rangeParams, tracesRangeParams } from "@/lib/chart-data/range";
import { FUNNEL_DEFAULT_SINCE, funnelParsers } from "./search-params";

const BLANK: FunnelForm = { steps: ["", ""], by: "trace", window: "1d", range: { since: FUNNEL_DEFAULT_SINCE }, breakdown: "" };

export function FunnelsClient() {
  const [url, setUrl] = useQueryStates(funnelParsers, { history: "push" });
  const saved = useSavedFunnel(url.funnel);
  // Steps in the URL win; without them a saved funnel's definition is the funnel.
  const committed: FunnelForm | null =
    url.step.length > 0
      ? { steps: url.step, by: url.by, window: url.window, range: rangeFromUrl(url), breakdown: url.breakdown }
      : saved.data ? fromDefinition(saved.data.definition, FUNNEL_DEFAULT_SINCE) : null;
  const def = committed && committed.steps.filter((s) => s.trim()).length >= MIN_STEPS ? toDefinition(committed) : null;
  const funnel = useFunnel(def);
  const keys = useAttributeKeys();
  const [saving, setSaving] = useState(false);
  const { canEdit, reason: cannotEdit } = useCanEdit();

  const key = JSON.stringify(committed);
  const [draft, setDraft] = useState<{ for: string; form: FunnelForm } | null>(null);
  const form = draft && draft.for === key ? draft.form : committed ?? BLANK;
  const edit = (patch: Partial<FunnelForm>) => setDraft({ for: key, form: { ...form, ...patch } });
  const pending = committed !== null && JSON.stringify(toDefinition(form)) !== JSON.stringify(toDefinition(committed));
  const [tooFew, setTooFew] = useState(false);
  const run = (f: FunnelForm = form) => {
    const steps = f.steps.map((s) => s.trim()).filter(Boolean);
    setTooFew(steps.length < MIN_STEPS);
    if (steps.length < MIN_STEPS) return;
    const r = rangeParams(f.range);
    void setUrl({
      step: steps, by: f.by || "trace", window: f.window, breakdown: f.breakdown || null, drop: null,
      since: isPinned(f.range) ? null : r.since, start: isPinned(f.range) ? f.range.start : null, end: isPinned(f.range) ? f.range.end : null,
    });
  };

  const err = funnel.error instanceof ApiError ? funnel.error : null;
  const stepIndex = err ? erroredStep(err.message) : null;
  const stepProblem = err && stepIndex !== null && def ? { step: stepIndex, problem: { query: def.steps[stepIndex], message: err.detail, from: err.from ?? 0, to: err.to ?? err.from ?? 0 } } : null;
  const edited = saved.data && def && JSON.stringify(toDefinition(fromDefinition(saved.data.definition, FUNNEL_DEFAULT_SINCE))) !== JSON.stringify(def);
  const stepHref = (i: number) => `/traces?${new URLSearchParams({ q: def?.steps[i] ?? "{}", ...tracesRangeParams(form.range) })}`;

  return (
    <>
      <TopBar title="Funnels" subtitle={saved.data ? `“${saved.data.name}” by ${saved.data.author}${edited ? " (edited)" : ""}` : "Conversion across ordered steps"}>
        <QueryProgress busy={funnel.isFetching} what="Running the funnel" />
        <SavedFunnelMenu current={url.funnel} onOpen={(id) => void setUrl({ funnel: id, step: null, by: null, window: null, breakdown: null, since: null, start: null, end: null, drop: null })} />
        <RangePicker range={form.range} onChange={(range) => run({ ...form, range })} />
        <Button onClick={() => setSaving(true)} disabled={!def || !canEdit} title={cannotEdit} aria-description={cannotEdit} data-testid="save-funnel">Save</Button>
        <CopyLinkMenu time={chartLinkTime(form.range)} />
        {def && (
          <AddToBoard
            range={form.range}
            draft={() => ({
              kind: "funnel",
              title: saved.data && !edited ? saved.data.name : `Funnel by ${def.by}`,
              // A saved funnel stays linked (edits to it show on the board); an unsaved one is copied in.
              query: saved.data && !edited ? { funnel: saved.data.id } : { steps: def.steps, by: def.by, window: def.window, ...(def.breakdown ? { breakdown: def.breakdown } : {}) },
              size: { w: 6, h: 8 },
            })}
          />
        )}
      </TopBar>
      <div className="flex flex-col gap-3 p-4">
        <StepEditor steps={form.steps} onChange={(steps) => edit({ steps })} onRun={(steps) => run({ ...form, steps })} problem={stepProblem} />
        <div className="ml-6 flex flex-wrap items-center justify-between gap-3">
          {/* Text settings only edit (a blur caused by clicking Run must not run a stale form); the window runs at once. */}
          <FunnelSettings by={form.by} window={form.window} breakdown={form.breakdown} keys={keys.data ?? []}
            // A committed setting (Enter, or leaving the field) runs the funnel, as on /metrics.
            onChange={(p) => (form.steps.filter((x) => x.trim()).length >= MIN_STEPS ? run({ ...form, ...p }) : edit(p))}
            invalid={{ by: err?.param === "by", window: err?.param === "window", breakdown: err?.param === "breakdown" }} />
          <span className="flex items-center gap-2">
            {pending && <span className="text-xs text-muted" data-testid="funnel-pending">Changes not run yet</span>}
            <Button variant="primary" onClick={() => run()} data-testid="run-funnel">Run funnel</Button>
          </span>
        </div>
        {tooFew && <p role="alert" className="ml-6 text-xs text-error">A funnel needs at least {MIN_STEPS} steps: fill in another step.</p>}
        {!committed && (
          <div className="ml-6"><StepsFromValues keys={keys.data ?? []} onSteps={(steps) => edit({ steps, by: form.by === "trace" ? "span.user.id" : form.by })} /></div>
        )}
        {err && !stepProblem && <QueryErrorNote title="The funnel could not be run" message={err.message} hint="Fix the setting it names above, then run again." />}
        {!committed && !url.funnel ? (
          <EmptyState title="Build a funnel">
            Write one TraceQL filter per step, in order (2 to 10). Choose the entity that moves through them: each trace on its own, or an
            attribute such as <code className="font-mono">span.user.id</code> to follow a user across traces. Then press Enter or Run funnel.
          </EmptyState>
        ) : url.funnel && saved.isError && url.step.length === 0 ? (
          <QueryErrorNote title="This saved funnel could not be opened" message={saved.error.message} hint="It may have been deleted; pick another from Saved funnels, or build a new one." />
        ) : funnel.data && def ? (
          <FunnelResults def={def} result={funnel.data} stale={funnel.isPlaceholderData} drop={url.drop} onDrop={(drop) => void setUrl({ drop }, { history: "replace" })}
            show={url.show} onShow={(show) => void setUrl({ show }, { history: "replace" })} stepHref={stepHref} />
        ) : funnel.isPending && def ? (
          <ChartSkeleton height={220} />
        ) : null}
      </div>
      {saving && def && (
        <SaveFunnelDialog def={def} current={saved.data ?? null} onClose={() => setSaving(false)} onSaved={(f) => (setSaving(false), void setUrl({ funnel: f.id }))} />
      )}
    </>
  );
}

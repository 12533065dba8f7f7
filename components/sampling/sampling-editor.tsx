"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { ApiError } from "@/components/charts/api";
import { isoToUnixNano } from "@/components/keys/queries";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { SkeletonRows } from "@/components/ui/skeleton";
import { RelativeTime } from "@/components/ui/time";
import {
  buildBody, draftOf, emptyRule, errorsFromServer, exampleDraft, isUnchanged, triedOrder,
  type Built, type DraftErrors, type PolicyDraft,
} from "./draft";
import { fetchSampling, samplingKey, saveSampling, useSamplingPreview, type SamplingPolicyView } from "./queries";
import { RuleTable } from "./rule-table";
import { SamplingPreviewPanel } from "./sampling-preview";
import { useSettled } from "./use-settled";
import { LoadError } from "@/components/ui/load-error";

const PREVIEW_DEBOUNCE_MS = 500;

/** Settings' sampling rules: load the saved policy, then edit a draft of it. */
export function SamplingEditor({ slug }: { slug: string }) {
  // Not refetched on focus: the draft is made from it once, and a refetch would not reach it.
  const query = useQuery({ queryKey: samplingKey(slug), queryFn: () => fetchSampling(slug), refetchOnWindowFocus: false });
  if (query.isPending) return <SkeletonRows rows={3} columns={5} />;
  if (query.isError) {
    return <LoadError what="the sampling rules" error={query.error} />;
  }
  return <PolicyEditor slug={slug} saved={query.data} />;
}

/** Several sources of problems, the first one found for a field wins. */
function merge(...all: DraftErrors[]): DraftErrors {
  const out: DraftErrors = { rows: new Map() };
  for (const e of all) {
    for (const [key, fields] of e.rows) out.rows.set(key, { ...fields, ...out.rows.get(key) });
    out.defaultRate ??= e.defaultRate;
    out.general ??= e.general;
  }
  return out;
}

/** Blank names and conditions are only pointed out once Save was pressed. */
function requiredErrors(draft: PolicyDraft): DraftErrors {
  const out: DraftErrors = { rows: new Map() };
  for (const r of draft.rules) {
    const row: NonNullable<ReturnType<DraftErrors["rows"]["get"]>> = {};
    if (!r.name.trim()) row.name = "name it, e.g. errors";
    if (!r.match.trim()) row.match = { query: r.match, message: "write a condition, e.g. { status = error }", from: 0, to: 0 };
    if (row.name || row.match) out.rows.set(r.key, row);
  }
  return out;
}

function serverErrors(error: unknown, built: Built | null): DraftErrors {
  if (!built || !(error instanceof ApiError) || error.status !== 400) return { rows: new Map() };
  return errorsFromServer(error.message, built, { from: error.from, to: error.to });
}

function PolicyEditor({ slug, saved }: { slug: string; saved: SamplingPolicyView }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(saved));
  const [attempted, setAttempted] = useState(false);
  const save = useMutation({
    mutationFn: (built: Built) => saveSampling(slug, built.body),
    onSuccess: (next) => {
      queryClient.setQueryData(samplingKey(slug), next);
      setDraft(draftOf(next));
      setAttempted(false);
    },
  });
  const edit = (next: PolicyDraft) => {
    setDraft(next);
    if (!save.isPending) save.reset();
  };

  const forSave = useMemo(() => buildBody(draft, "save"), [draft]);
  const forPreview = useMemo(() => buildBody(draft, "preview"), [draft]);
  const currentJson = forPreview.built?.json ?? null;
  const [settledJson, flush] = useSettled(currentJson, PREVIEW_DEBOUNCE_MS);
  const preview = useSamplingPreview(slug, settledJson);
  const previewIsCurrent = settledJson === currentJson && !preview.isPlaceholderData;
  // A 400 leaves the query without data: keep showing the last answer (dimmed) meanwhile.
  const [lastPreview, setLastPreview] = useState(preview.data);
  if (preview.data && preview.data !== lastPreview) setLastPreview(preview.data);

  const errors = merge(
    forSave.errors,
    // The server's word holds for the exact draft it judged.
    save.isError && save.variables?.json === forSave.built?.json ? serverErrors(save.error, forSave.built) : { rows: new Map() },
    previewIsCurrent && preview.isError ? serverErrors(preview.error, forPreview.built) : { rows: new Map() },
    attempted ? requiredErrors(draft) : { rows: new Map() },
  );
  const unchanged = isUnchanged(draft, saved);
  const tried = useMemo(() => triedOrder(draft.rules), [draft.rules]);
  const keepsEverything = draft.rules.length === 0 && draft.defaultRate.trim() === "100";

  const submit = () => {
    setAttempted(true);
    if (!forSave.built || requiredErrors(draft).rows.size > 0) return;
    save.mutate(forSave.built);
  };

  return (
    <form
      noValidate
      aria-label="Sampling rules"
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {draft.rules.length === 0 ? (
        <EmptyState title={keepsEverything ? "No sampling: every span is kept" : "No rules: every trace takes the default rate"}>
          <p>
            Add a rule to keep some traces in full and a share of the rest, or start from an example: errors and
            premium customers in full, half of the slow traces, a tenth of everything else.
          </p>
          <div className="mt-2 flex gap-2">
            <Button variant="primary" onClick={() => edit({ ...draft, rules: [emptyRule()] })}>
              + Add rule
            </Button>
            <Button onClick={() => edit(exampleDraft())}>Start from the example</Button>
          </div>
        </EmptyState>
      ) : (
        <>
          <RuleTable
            rules={draft.rules}
            tried={tried}
            errors={errors}
            onChange={(rules) => edit({ ...draft, rules })}
            onRun={(rules) => {
              edit({ ...draft, rules });
              flush();
            }}
          />
          <div>
            <Button onClick={() => edit({ ...draft, rules: [...draft.rules, emptyRule()] })}>+ Add rule</Button>
          </div>
        </>
      )}
      <DefaultRate value={draft.defaultRate} error={errors.defaultRate} onChange={(defaultRate) => edit({ ...draft, defaultRate })} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={unchanged || save.isPending} data-testid="save-sampling">
          {save.isPending ? "Saving…" : "Save rules"}
        </Button>
        {!unchanged && (
          <Button variant="ghost" onClick={() => edit(draftOf(saved))}>
            Discard changes
          </Button>
        )}
        <SaveStatus saved={saved} unchanged={unchanged} justSaved={save.isSuccess} error={errors.general} />
      </div>
      <SamplingPreviewPanel
        preview={preview.data ?? lastPreview}
        error={previewIsCurrent ? preview.error : null}
        updating={currentJson !== null && (!previewIsCurrent || preview.isFetching)}
        blocked={currentJson === null}
        skipped={forPreview.skipped}
      />
    </form>
  );
}

function DefaultRate({ value, error, onChange }: { value: string; error?: string; onChange: (v: string) => void }) {
  return (
    <div>
      <label className="flex items-center gap-2">
        <span>Traces no rule matches: keep</span>
        <Input
          inputMode="decimal"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={!!error}
          aria-describedby={error ? "default-rate-error" : undefined}
          className="w-16 text-right font-mono"
          data-testid="default-rate"
        />
        <span className="text-muted">%</span>
      </label>
      {error && (
        <p id="default-rate-error" role="alert" className="mt-0.5 text-xs text-error">
          {error}
        </p>
      )}
    </div>
  );
}

function SaveStatus({ saved, unchanged, justSaved, error }: { saved: SamplingPolicyView; unchanged: boolean; justSaved: boolean; error?: string }) {
  if (error) {
    return (
      <span role="alert" className="text-xs text-error">
        Not saved: {error}
      </span>
    );
  }
  if (!unchanged) return <span className="text-xs text-muted">Unsaved: ingest keeps using the saved rules until you save.</span>;
  return (
    <span role="status" className="text-xs text-muted" data-testid="sampling-saved">
      {justSaved ? "Saved: new spans follow these rules. " : ""}
      {saved.updatedAt ? (
        <>
          Last saved <RelativeTime unixNano={isoToUnixNano(saved.updatedAt)} />
          {saved.updatedBy ? ` by ${saved.updatedBy}` : ""}
        </>
      ) : (
        "No rules saved: every span is kept."
      )}
    </span>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { parseRetention } from "@/lib/retention/period";
import { retentionKey, saveRetention, type RetentionView } from "./queries";

type Draft = { mode: "default" | "own"; text: string };

/** Seconds for a period, null for unlimited, undefined when it does not parse (the server says why). */
function secondsOf(text: string): number | null | undefined {
  try {
    return parseRetention(text);
  } catch {
    return undefined;
  }
}

/** The project's retention: its own period, or the instance default. */
export function RetentionForm({ slug, view }: { slug: string; view: RetentionView }) {
  const id = useId();
  const queryClient = useQueryClient();
  // null: not editing, so the form shows what the server has (and follows refetches).
  const [draft, setDraft] = useState<Draft | null>(null);
  const shown: Draft = draft ?? { mode: view.retention === null ? "default" : "own", text: view.retention ?? "" };
  const wanted = shown.mode === "default" ? null : shown.text.trim().toLowerCase();
  const changed = wanted !== view.retention;

  const save = useMutation({
    mutationFn: (retention: string | null) => saveRetention(slug, retention),
    onSuccess: (next) => {
      queryClient.setQueryData(retentionKey(slug), next);
      setDraft(null);
    },
  });
  const edit = (next: Draft | null) => {
    setDraft(next);
    save.reset();
  };

  // Shortening deletes data at the next purge: say so before Save.
  const current = secondsOf(view.effective);
  const next = wanted === null ? secondsOf(view.default) : secondsOf(wanted);
  const shortens = changed && next !== undefined && current !== undefined && next !== null && (current === null || next < current);

  return (
    <form
      noValidate
      aria-label="Retention"
      className="flex flex-col gap-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        if (changed && !save.isPending) save.mutate(wanted);
      }}
    >
      <p>
        Spans are kept for <span className="font-mono font-semibold" data-testid="effective-retention">{view.effective}</span>{" "}
        <span className="text-muted">
          {view.retention === null ? "(the default, SPANLENS_RETENTION)" : "(this project's own setting)"}
        </span>
      </p>
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1.5">
        <legend className="sr-only">Retention period</legend>
        <label className="flex items-center gap-1.5">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={shown.mode === "default"}
            onChange={() => edit({ ...shown, mode: "default" })}
            className="accent-accent"
          />
          <span>
            Use the default (<span className="font-mono">{view.default}</span>)
          </span>
        </label>
        <span className="flex items-center gap-1.5">
          <label className="flex items-center gap-1.5">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={shown.mode === "own"}
              onChange={() => edit({ ...shown, mode: "own" })}
              className="accent-accent"
            />
            Keep for
          </label>
          <Input
            aria-label="Retention period"
            placeholder="7d"
            value={shown.text}
            onChange={(e) => edit({ mode: "own", text: e.target.value })}
            aria-invalid={save.isError}
            aria-describedby={`${id}-help`}
            className="w-24 font-mono"
            maxLength={20}
          />
        </span>
        <Button type="submit" variant="primary" disabled={!changed || save.isPending}>
          {save.isPending ? "Saving…" : "Save"}
        </Button>
        {draft && changed && (
          <Button variant="ghost" onClick={() => edit(null)}>
            Cancel
          </Button>
        )}
      </fieldset>
      <div id={`${id}-help`} className="text-xs">
        {save.isError ? (
          <p role="alert" className="text-error" data-testid="retention-error">
            {save.error.message.replace(/^retention: /, "")}
          </p>
        ) : shortens ? (
          <p className="text-muted">
            Shorter than now: spans older than <span className="font-mono">{wanted ?? view.default}</span> are deleted at
            the next purge.
          </p>
        ) : save.isSuccess ? (
          <p role="status" className="text-muted">
            Saved. Ingest drops spans older than this from now on; the next purge deletes stored ones.
          </p>
        ) : (
          <p className="text-muted">
            Examples: <span className="font-mono">36h</span>, <span className="font-mono">7d</span>,{" "}
            <span className="font-mono">2w</span>, <span className="font-mono">unlimited</span>. At least 1h.
          </p>
        )}
      </div>
    </form>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useProject } from "@/components/project/project-context";
import { createKey, keysQueryKey, validateKeyName, type KeyScope } from "./queries";
import { SecretBox } from "./secret-box";

/** Name a key, create it, and show it in full this one time. */
export function CreateKeyForm() {
  const queryClient = useQueryClient();
  const { slug } = useProject();
  const id = useId();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Record<KeyScope, boolean>>({ ingest: true, read: false });
  const [touched, setTouched] = useState(false);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const create = useMutation({
    mutationFn: (input: { name: string; scopes: KeyScope[] }) => createKey(slug, input),
    onSuccess: ({ key, apiKey }) => {
      setCreated({ name: apiKey.name, key });
      setName("");
      setTouched(false);
      void queryClient.invalidateQueries({ queryKey: keysQueryKey });
    },
  });
  const chosen = (Object.keys(scopes) as KeyScope[]).filter((s) => scopes[s]);
  const localError = touched ? (validateKeyName(name) ?? (chosen.length ? null : "Choose what the key may do: ingest, read, or both.")) : null;
  const error = localError ?? (create.isError ? create.error.message : null);

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2">
      <h2 id={`${id}-title`} className="font-semibold">Create a key</h2>
      <form
        noValidate
        className="flex flex-wrap items-center gap-x-2 gap-y-1"
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (validateKeyName(name) || !chosen.length) return;
          create.mutate({ name: name.trim(), scopes: chosen });
        }}
      >
        <label htmlFor={`${id}-name`} className="sr-only">Key name</label>
        <Input
          id={`${id}-name`}
          name="name"
          placeholder="Key name, e.g. checkout-prod"
          value={name}
          maxLength={200}
          onChange={(e) => {
            setName(e.target.value);
            create.reset();
          }}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : undefined}
          className="w-72"
        />
        <fieldset className="flex items-center gap-3 text-xs">
          <legend className="sr-only">Scopes</legend>
          {(["ingest", "read"] as const).map((s) => (
            <label key={s} className="flex items-center gap-1">
              <input
                type="checkbox"
                name={`scope-${s}`}
                checked={scopes[s]}
                onChange={(e) => {
                  setScopes((cur) => ({ ...cur, [s]: e.target.checked }));
                  create.reset();
                }}
              />
              {s === "ingest" ? "Ingest (send spans)" : "Read (query the API)"}
            </label>
          ))}
        </fieldset>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </Button>
        {error && (
          <p id={`${id}-error`} role="alert" className="basis-full text-xs text-error">
            {error}
          </p>
        )}
      </form>
      {created && (
        <div className="rounded-lg border border-line bg-warn-bg p-3" data-testid="new-key" role="status">
          <p className="mb-2">
            <span className="font-semibold">Key &ldquo;{created.name}&rdquo; created.</span> Copy it now: this is the only
            time it is shown. Only its prefix is stored in readable form.
          </p>
          <SecretBox value={created.key} testId="new-key-value" />
          <Button className="mt-2" onClick={() => setCreated(null)}>
            Done, I copied it
          </Button>
        </div>
      )}
    </section>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { hideFirstKey, keysQueryKey, type KeyRow } from "./queries";
import { SecretBox } from "./secret-box";

/** The key generated at first start, readable here until the user hides it. */
export function FirstKey({ row }: { row: KeyRow & { revealableKey: string } }) {
  const queryClient = useQueryClient();
  const hide = useMutation({
    mutationFn: () => hideFirstKey(row.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keysQueryKey }),
  });
  return (
    <section aria-labelledby="first-key-title" className="rounded-lg border border-line bg-panel p-3" data-testid="first-key">
      <h2 id="first-key-title" className="font-semibold">Your first API key</h2>
      <p className="mt-0.5 mb-2 text-muted">
        Generated when this server first started. It stays readable here, to anyone who can open this dashboard, until
        you hide it; the key keeps working after that.
      </p>
      <SecretBox value={row.revealableKey} testId="first-key-value" />
      <div className="mt-2 flex items-center gap-3">
        <Button onClick={() => hide.mutate()} disabled={hide.isPending}>
          {hide.isPending ? "Hiding…" : "I saved it: hide it"}
        </Button>
        {hide.isError && <span role="alert" className="text-error">Could not hide the key: {hide.error.message}</span>}
      </div>
    </section>
  );
}

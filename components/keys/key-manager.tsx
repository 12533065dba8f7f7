"use client";

import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { CreateKeyForm } from "./create-key-form";
import { KeyTable } from "./key-table";
import { fetchKeys, keysQueryKey } from "./queries";
import { LoadError } from "@/components/ui/load-error";
import { useProject } from "@/components/project/project-context";

/** Settings' API keys: creating, listing and revoking keys. A key is shown in full only when created. */
export function KeyManager() {
  const { slug } = useProject();
  const query = useQuery({ queryKey: keysQueryKey, queryFn: () => fetchKeys(slug) });
  const keys = query.data ?? [];

  return (
    <div className="flex max-w-4xl flex-col gap-5">
      <p className="text-muted">
        Keys let SDKs send spans (the <em>ingest</em> scope) and scripts use the read API (the <em>read</em> scope). Keys never administer: keys, members and settings need a signed-in admin. Send one as <code className="font-mono text-fg">Authorization: Bearer &lt;key&gt;</code>{" "}
        or <code className="font-mono text-fg">x-api-key: &lt;key&gt;</code>. Use one key per service or environment, so
        you can revoke one without touching the others.
      </p>
      <CreateKeyForm />
      <section aria-labelledby="keys-title" className="space-y-2">
        <h2 id="keys-title" className="font-semibold">
          Keys <span className="font-mono font-normal text-muted">{keys.length || ""}</span>
        </h2>
        {query.isError && (
          <LoadError what="the keys" error={query.error} />
        )}
        {query.isPending ? (
          <SkeletonRows rows={3} columns={5} />
        ) : keys.length === 0 ? (
          <EmptyState title="No keys yet">Create one above, then use it in an SDK (see Send traces on the Traces page).</EmptyState>
        ) : (
          <KeyTable keys={keys} />
        )}
      </section>
    </div>
  );
}

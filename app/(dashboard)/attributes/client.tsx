"use client";

import { IntentLink as Link } from "@/components/ui/intent-link";
import { useQueryStates } from "nuqs";
import { useEffect } from "react";
import { KeyDetail } from "@/components/attributes/key-detail";
import { keyId, KeyTable } from "@/components/attributes/key-table";
import { useAttributeKeys } from "@/components/charts/queries";
import { describeRange } from "@/lib/chart-data/range";
import { CopyLinkMenu } from "@/components/share/copy-link-menu";
import { TopBar } from "@/components/nav/top-bar";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { SkeletonRows } from "@/components/ui/skeleton";
import { matchesSearch } from "@/lib/chart-data/attributes";
import { formatInteger } from "@/lib/format/count";
import { attributeParsers, SCOPES } from "./search-params";

const RANGE = { since: "24h" };

export function AttributesClient() {
  // Typing in the search replaces the entry; opening a key is worth a Back step.
  const [url, setUrl] = useQueryStates(attributeParsers, { history: "replace" });
  const keys = useAttributeKeys();
  const all = keys.data ?? [];
  const shown = all.filter((k) => (url.scope === "all" || k.scope === url.scope) && matchesSearch(k.scope, k.key, url.q));
  const open = all.find((k) => keyId(k) === url.key) ?? null;

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && void setUrl({ key: null });
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, setUrl]);

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <TopBar title="Attributes" subtitle={keys.data ? `${formatInteger(all.length)} keys on spans, resources and events` : undefined}>
        <Input
          value={url.q}
          onChange={(e) => void setUrl({ q: e.target.value || null })}
          placeholder="Search keys (press /)"
          aria-label="Search attribute keys"
          data-search=""
          className="w-72 font-mono"
          data-testid="attribute-search"
        />
        <select aria-label="Scope" value={url.scope} onChange={(e) => void setUrl({ scope: e.target.value as (typeof SCOPES)[number] })} className="h-7 rounded-md border border-line bg-bg px-1.5 text-[13px]">
          {SCOPES.map((s) => (
            <option key={s} value={s}>{s === "all" ? "all scopes" : s}</option>
          ))}
        </select>
        {/* The catalog always covers the last 24 h: there is no range to pin. */}
        <CopyLinkMenu time={{ describe: `${describeRange(RANGE)}, moves with the clock` }} />
      </TopBar>
      <div className="flex min-h-0 flex-1">
        <div className="min-w-0 flex-1 overflow-auto">
          {keys.isPending ? (
            <div className="p-4"><SkeletonRows rows={18} columns={8} /></div>
          ) : keys.isError ? (
            <p role="alert" className="m-4 text-error">Could not load the attribute catalog: {keys.error.message}</p>
          ) : all.length === 0 ? (
            <div className="p-4">
              <EmptyState title="No attributes yet">
                The catalog fills as spans arrive. Send traces (see the snippets on the <Link href="/" className="text-accent hover:underline">Traces</Link> page) and their keys show up here.
              </EmptyState>
            </div>
          ) : shown.length === 0 ? (
            <div className="p-4">
              <EmptyState title={`No key matches “${url.q}”${url.scope === "all" ? "" : ` in ${url.scope} attributes`}`}>
                Every word of the search must appear in the key. Try one shorter word{url.scope === "all" ? "" : ", or all scopes"}.
              </EmptyState>
            </div>
          ) : (
            <KeyTable compact={open !== null} keys={shown} selected={url.key} onSelect={(id) => void setUrl({ key: id === url.key ? null : id }, { history: "push" })} />
          )}
        </div>
        {open && <KeyDetail key={url.key} k={open} range={RANGE} onClose={() => void setUrl({ key: null })} />}
      </div>
    </div>
  );
}

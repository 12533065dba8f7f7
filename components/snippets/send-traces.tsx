"use client";

import { IntentLink as Link } from "@/components/ui/intent-link";
import { useId, useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { buildSnippets } from "./snippets";

interface Props {
  origin: string;
  /** A key to fill in, when the caller has one in clear (just created); otherwise a placeholder. */
  apiKey: string | null;
  defaultOpen?: boolean;
  /** Where keys are made: Settings, or its API keys section when the panel is on Settings itself. */
  keysHref?: string;
}

/** "Send traces" panel: copyable SDK set-ups for this server, one tab per SDK. */
export function SendTraces({ origin, apiKey, defaultOpen = false, keysHref = "/settings" }: Props) {
  const keysLink = keysHref === "/settings" ? "Settings" : "API keys below";
  const snippets = buildSnippets(origin, apiKey);
  const [active, setActive] = useState(snippets[0].id);
  const base = useId();
  const current = snippets.find((s) => s.id === active) ?? snippets[0];

  const onTabKey = (e: React.KeyboardEvent, index: number) => {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = snippets[(index + step + snippets.length) % snippets.length];
    setActive(next.id);
    document.getElementById(`${base}-tab-${next.id}`)?.focus();
  };

  return (
    <details open={defaultOpen} className="group rounded-lg border border-line bg-panel" data-testid="send-traces">
      <summary className="flex h-9 cursor-pointer list-none items-center gap-2 px-3 font-medium select-none">
        <span aria-hidden className="text-muted transition-transform group-open:rotate-90">▸</span>
        Send traces to this server
        <span className="font-mono text-xs font-normal text-muted">{origin}/v1/traces</span>
      </summary>
      <div className="border-t border-line p-3">
        <p className="mb-2 text-muted">
          {apiKey ? (
            <>
              These use this project&apos;s first API key, shown until you hide it in{" "}
              <Link href="/settings" className="text-accent underline-offset-2 hover:underline">Settings</Link>.
            </>
          ) : (
            <>
              Replace <code className="font-mono text-fg">&lt;your key&gt;</code> with an API key from{" "}
              <Link href={keysHref} className="text-accent underline-offset-2 hover:underline">{keysLink}</Link>.
            </>
          )}{" "}
          OTLP over HTTP (JSON or protobuf) goes to <code className="font-mono text-fg">/v1/traces</code>; Noveum SDKs use the{" "}
          <code className="font-mono text-fg">/api</code> endpoint.
        </p>
        <div role="tablist" aria-label="SDK" className="mb-2 flex flex-wrap gap-1">
          {snippets.map((s, i) => (
            <button
              key={s.id}
              id={`${base}-tab-${s.id}`}
              type="button"
              role="tab"
              aria-selected={s.id === current.id}
              aria-controls={`${base}-panel`}
              tabIndex={s.id === current.id ? 0 : -1}
              onClick={() => setActive(s.id)}
              onKeyDown={(e) => onTabKey(e, i)}
              className={`h-7 rounded-md px-2.5 ${s.id === current.id ? "bg-selected font-medium text-fg" : "text-muted hover:bg-hover hover:text-fg"}`}
            >
              {s.label}
            </button>
          ))}
        </div>
        <div id={`${base}-panel`} role="tabpanel" aria-labelledby={`${base}-tab-${current.id}`} className="space-y-2">
          {current.install && <CodeBlock code={current.install} />}
          <CodeBlock code={current.code} testId={`snippet-${current.id}`} />
          {current.note && <p className="text-xs text-muted">{current.note}</p>}
        </div>
      </div>
    </details>
  );
}

function CodeBlock({ code, testId }: { code: string; testId?: string }) {
  return (
    <div className="relative">
      <pre data-testid={testId} className="overflow-x-auto rounded-md border border-line bg-bg p-3 pr-20 font-mono text-xs leading-relaxed">
        {code}
      </pre>
      <CopyButton text={code} className="absolute top-2 right-2" />
    </div>
  );
}

"use client";

import { useEffect, useId, useRef, useState } from "react";
import { apiJson } from "@/components/charts/api";
import { Popover } from "@/components/query/popover";
import { copyText } from "@/components/ui/clipboard";

/** What a link does with the page's time range, in the words the menu shows. */
export interface LinkTime {
  /** "last 1 h, moves with the clock" or "pins 2025-03-04 10:00–11:00 UTC". */
  describe: string;
  /** For a moving range: this page's address with the range pinned where it is now. */
  pinNow?: () => { href: string; label: string };
}

type Short = { state: "idle" } | { state: "making" } | { state: "done"; url: string; copied: boolean } | { state: "failed"; error: string };

const ITEM = "w-full rounded-md px-2 py-1.5 text-left hover:bg-hover disabled:cursor-wait disabled:opacity-60";
const NO_COPY = "Could not copy: select the link and copy it";

/** `/s/<id>` for a page address: the server stores the path and query, project included. */
async function makeShortLink(href: string): Promise<string> {
  const u = new URL(href);
  const made = await apiJson<{ url: string }>("/api/v1/short-links", {
    method: "POST",
    body: JSON.stringify({ url: u.pathname + u.search + u.hash }),
  });
  return made.url;
}

/**
 * "Copy link" for any page whose state is worth sharing: the full address, or a short
 * `/s/<id>` link to it that never expires. It says what the link does with time, and on a
 * moving range can pin the range to now first. Copying the short link keeps the menu open
 * with the link shown, so it can be selected by hand when the clipboard is unavailable.
 */
export function CopyLinkMenu({ time, keeps }: { time?: LinkTime; keeps?: string }) {
  const [status, setStatus] = useState<string | null>(null);
  const [pin, setPin] = useState(false);
  const [short, setShort] = useState<Short>({ state: "idle" });
  const pinId = useId();
  const canPin = !!time?.pinNow;

  const target = (): { href: string; what: string } => {
    if (pin && time?.pinNow) {
      const pinned = time.pinNow();
      return { href: pinned.href, what: `pins ${pinned.label}` };
    }
    return { href: window.location.href, what: time?.describe ?? keeps ?? "this view" };
  };
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const announce = (text: string) => {
    setStatus(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus(null), 2500);
  };

  const copyFull = async (close: () => void) => {
    const { href, what } = target();
    announce((await copyText(href)) ? `Copied: ${what}` : "Could not copy: select the address bar instead");
    close();
  };
  const copyShort = async () => {
    const { href, what } = target();
    setShort({ state: "making" });
    try {
      const url = await makeShortLink(href);
      const copied = await copyText(url);
      setShort({ state: "done", url, copied });
      if (copied) announce(`Copied short link: ${what}`);
    } catch (e) {
      setShort({ state: "failed", error: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <div className="flex items-center gap-2">
      <span aria-live="polite" className="text-xs text-muted" data-testid="copy-status">{status}</span>
      <Popover
        label="Copy link"
        testId="copy-link"
        align="end"
        button="Copy link"
        buttonTitle={`Copy a link to this view${time ? `: ${time.describe}` : ""}`}
        onOpen={() => setShort({ state: "idle" })}
      >
        {(close) => (
          <div className="flex w-80 flex-col gap-1 text-[13px]">
            {time && <p className="px-2 text-xs text-muted">Time range: {time.describe}</p>}
            {canPin && (
              <label htmlFor={pinId} className="flex items-center gap-2 rounded-md px-2 py-1.5 hover:bg-hover">
                <input id={pinId} type="checkbox" checked={pin} onChange={(e) => {
                    setPin(e.target.checked);
                    setShort({ state: "idle" });
                  }} data-testid="copy-link-pin" />
                Pin the range to now: the same data for everyone
              </label>
            )}
            <button type="button" className={ITEM} onClick={() => void copyFull(close)} data-testid="copy-full-link">
              Copy link
              <span className="block text-xs text-muted">The whole address{keeps ? `: ${keeps}` : ""}.</span>
            </button>
            <button
              type="button"
              className={ITEM}
              onClick={() => void copyShort()}
              disabled={short.state === "making"}
              aria-busy={short.state === "making"}
              data-testid="copy-short-link"
            >
              {short.state === "making" ? "Making short link…" : "Copy short link"}
              <span className="block text-xs text-muted">A /s/… link to this view that never expires.</span>
            </button>
            {short.state === "done" && (
              <div className="flex flex-col gap-1 px-2 pt-1">
                <input
                  readOnly
                  aria-label="Short link"
                  value={short.url}
                  onFocus={(e) => e.currentTarget.select()}
                  className="h-7 rounded-md border border-line bg-bg px-2 font-mono text-xs"
                  data-testid="short-link-url"
                />
                <span role="status" className="text-xs text-muted">{short.copied ? "Copied" : NO_COPY}</span>
              </div>
            )}
            {short.state === "failed" && (
              <p role="alert" className="px-2 pt-1 text-xs text-error" data-testid="short-link-error">
                Could not make a short link: {short.error}
              </p>
            )}
          </div>
        )}
      </Popover>
    </div>
  );
}

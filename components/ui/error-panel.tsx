"use client";

import { TopBar } from "@/components/nav/top-bar";
import { Button } from "./button";

/** What a route's error.tsx shows: what failed, where to look, and a retry. */
export function ErrorPanel({ error, retry, what }: { error: unknown; retry: () => void; what: string }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <>
      <TopBar title="Something went wrong" />
      <div className="max-w-2xl p-4" role="alert">
        <p className="font-medium text-error">{what} could not be loaded.</p>
        <p className="mt-1 text-muted">
          {message ? <span className="font-mono">{message}</span> : "The server failed."}
          {digest ? ` (error ${digest}: search the server log for it)` : ""}. Check that the server is running and its
          data directory is readable, then try again.
        </p>
        <Button className="mt-3" onClick={() => retry()}>
          Try again
        </Button>
      </div>
    </>
  );
}

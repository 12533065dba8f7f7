"use client";

import { ServerNowContext } from "./use-now";

/** Lets a server page hand its render time to the relative times below it (see useNow). */
export function ServerNowProvider({ now, children }: { now: number; children: React.ReactNode }) {
  return <ServerNowContext value={now}>{children}</ServerNowContext>;
}

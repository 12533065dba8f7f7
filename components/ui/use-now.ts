"use client";

import { createContext, useContext, useSyncExternalStore } from "react";

const TICK_MS = 5000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  now = Date.now();
  timer ??= setInterval(() => {
    now = Date.now();
    for (const l of listeners) l();
  }, TICK_MS);
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The time the server rendered at: hydration must render relative times against it,
 * or server and client text would differ. Pages that show relative times provide it. */
export const ServerNowContext = createContext<number>(0);

/** The current time, ticking every few seconds, shared by every relative time on the page. */
export function useNow(): number {
  const serverNow = useContext(ServerNowContext);
  return useSyncExternalStore(subscribe, () => now, () => serverNow || now);
}

const noopSubscribe = () => () => {};

/** False during the server render and hydration, true after: for values that depend on
 * the browser (its time zone) and so cannot match the server's HTML. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noopSubscribe, () => true, () => false);
}

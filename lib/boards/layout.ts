import type { Panel } from "./types";

/** The first grid row below every panel: where a new panel goes. */
export function nextFreeRow(panels: Panel[]): number {
  return panels.reduce((y, p) => Math.max(y, p.layout.y + p.layout.h), 0);
}

/** Unique within a board; Web Crypto, so it works in the browser and on the server. */
export function newPanelId(): string {
  return `p_${globalThis.crypto.randomUUID().slice(0, 8)}`;
}

import { serviceColorIndex } from "@/lib/format/service-color";
import { STATUS_ERROR, type SpanTree } from "@/lib/waterfall/types";

/** Bars drawn between yields: a slice takes a few ms, so a 100,000-span overview never blocks a frame. */
const SLICE = 8_000;

/** Reads the theme's colours (CSS custom properties) for the canvas, which cannot use var(). */
function themeColors(el: Element) {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim() || "#888";
  return { svc: Array.from({ length: 10 }, (_, i) => v(`--svc-${i}`)), error: v("--error"), faint: v("--faint") };
}

const pause = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * The whole trace in one canvas: a row of pixels per slice of spans in tree order, a bar
 * per span at its time. Spans are bucketed by colour so the canvas switches fill style a
 * dozen times, not once per span; errors are drawn last so they stay visible. Drawn in
 * slices with a yield between them; `signal` stops a drawing a newer one replaces.
 */
export async function drawMinimap(canvas: HTMLCanvasElement, tree: SpanTree, cssWidth: number, cssHeight: number, signal: AbortSignal) {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.max(1, Math.round(cssWidth * dpr));
  canvas.height = Math.max(1, Math.round(cssHeight * dpr));
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const { trace } = tree;
  const colors = themeColors(canvas);
  const W = canvas.width;
  const H = canvas.height;
  ctx.clearRect(0, 0, W, H);
  const dur = tree.durationNs || 1;
  const rowH = H / Math.max(tree.size, 1);
  const h = Math.max(rowH, dpr);
  const slot = trace.services.map((s) => serviceColorIndex(s));
  // Colour buckets: 10 service colours, then markers, then errors; rows in one flat list.
  const bucketOf = new Uint8Array(tree.size);
  const counts = new Int32Array(13);
  for (let p = 0; p < tree.size; p++) {
    const s = tree.span[p];
    const b = s < 0 ? 10 : trace.status[s] === STATUS_ERROR ? 11 : slot[trace.service[s]];
    bucketOf[p] = b;
    counts[b + 1]++;
  }
  for (let b = 0; b < 12; b++) counts[b + 1] += counts[b];
  const fill = counts.slice(0, 12);
  const rows = new Int32Array(tree.size);
  for (let p = 0; p < tree.size; p++) rows[fill[bucketOf[p]]++] = p;
  let drawn = 0;
  for (let b = 0; b < 12; b++) {
    const style = b < 10 ? colors.svc[b] : b === 10 ? colors.faint : colors.error;
    ctx.fillStyle = style;
    for (let i = counts[b]; i < counts[b + 1]; i++) {
      if (++drawn % SLICE === 0) {
        await pause();
        if (signal.aborted) return;
        ctx.fillStyle = style;
      }
      const p = rows[i];
      const x = (tree.start[p] / dur) * W;
      const w = Math.max(((tree.finish[p] - tree.start[p]) / dur) * W, dpr);
      ctx.fillRect(x, p * rowH, w, h);
    }
  }
}

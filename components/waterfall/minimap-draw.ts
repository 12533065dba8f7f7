import { serviceColorIndex } from "@/lib/format/service-color";
import { STATUS_ERROR, type SpanTree } from "@/lib/waterfall/types";

/** Reads the theme's colours (CSS custom properties) for the canvas, which cannot use var(). */
function themeColors(el: Element) {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim() || "#888";
  return { svc: Array.from({ length: 10 }, (_, i) => v(`--svc-${i}`)), error: v("--error"), faint: v("--faint") };
}

/**
 * The whole trace in one canvas: a row of pixels per slice of spans in tree order, a bar
 * per span at its time. Spans are bucketed by colour so the canvas switches fill style a
 * dozen times, not once per span; errors are drawn last so they stay visible.
 */
export function drawMinimap(canvas: HTMLCanvasElement, tree: SpanTree, cssWidth: number, cssHeight: number) {
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
  // Colour buckets: 10 service colours, then markers, then errors.
  const buckets: number[][] = Array.from({ length: 12 }, () => []);
  for (let p = 0; p < tree.size; p++) {
    const s = tree.span[p];
    const b = s < 0 ? 10 : trace.status[s] === STATUS_ERROR ? 11 : slot[trace.service[s]];
    buckets[b].push(p);
  }
  buckets.forEach((rows, b) => {
    ctx.fillStyle = b < 10 ? colors.svc[b] : b === 10 ? colors.faint : colors.error;
    for (const p of rows) {
      const x = (tree.start[p] / dur) * W;
      const w = Math.max(((tree.finish[p] - tree.start[p]) / dur) * W, dpr);
      ctx.fillRect(x, p * rowH, w, h);
    }
  });
}

/**
 * Runs in the page (`page.evaluate(scrollToBottom, selector)`): scrolls a virtual list to the
 * bottom a fling at a time, five screens per step and two frames per step, so every row is
 * replaced each frame: harder than a user. Returns when it started and how many steps it took.
 */
export async function scrollToBottom(selector: string): Promise<{ start: number; steps: number }> {
  const el = document.querySelector<HTMLElement>(selector)!;
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const start = performance.now();
  let steps = 0;
  while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
    el.scrollTop += el.clientHeight * 5;
    steps++;
    await frame();
  }
  await frame();
  return { start, steps };
}

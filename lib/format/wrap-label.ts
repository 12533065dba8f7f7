/**
 * A chart label broken at spaces into lines of at most `maxChars` (a word longer than that is
 * cut), so an axis label such as `span.funnel.stage = "purchase"` is read whole; past
 * `maxLines` the last line ends in an ellipsis.
 */
export function wrapLabel(text: string, maxChars: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= maxChars || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const cut = lines.flatMap((l) => (l.length > maxChars ? (l.match(new RegExp(`.{1,${maxChars}}`, "g")) ?? []) : [l]));
  if (cut.length <= maxLines) return cut;
  const kept = cut.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, Math.max(1, maxChars - 1))}…`;
  return kept;
}

import Markdown from "react-markdown";
import type { NotePanelQuery } from "@/lib/boards/types";

/** A markdown note. react-markdown renders no raw HTML, so a note cannot inject script. */
export function NotePanel({ query }: { query: NotePanelQuery }) {
  if (!query.markdown.trim()) return <p className="text-muted">An empty note: edit the board to write one.</p>;
  return (
    <div className="board-note flex flex-col gap-2 text-[13px] leading-relaxed [&_a]:text-accent [&_a]:underline [&_code]:font-mono [&_h1]:text-base [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-4 [&_ol]:list-decimal [&_ul]:list-disc" data-testid="note-panel">
      <Markdown>{query.markdown}</Markdown>
    </div>
  );
}

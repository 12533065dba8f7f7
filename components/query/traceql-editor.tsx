"use client";

import { acceptCompletion, autocompletion, closeCompletion, completionStatus } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, insertNewlineAndIndent } from "@codemirror/commands";
import { forceLinting } from "@codemirror/lint";
import { Annotation, EditorState } from "@codemirror/state";
import { EditorView, keymap, placeholder as placeholderExt } from "@codemirror/view";
import { useEffect, useRef } from "react";
import type { Catalog } from "./catalog";
import { traceqlCompletion } from "./traceql-completion";
import { traceql, traceqlTheme } from "./traceql-language";
import { setServerProblem, traceqlLint, type QueryProblem } from "./traceql-lint";

interface Props {
  value: string;
  onChange: (text: string) => void;
  /** Gets the editor's own text: the parent's copy may be a keystroke behind. */
  onRun: (text: string) => void;
  problem: QueryProblem | null;
  catalog: Catalog;
  placeholder?: string;
  /** Accept TraceQL metrics queries (`{ } | rate() by (name)`), as /metrics does. */
  metrics?: boolean;
}

/** Marks edits that came from props (builder, saved filter, click to filter), not typing. */
const external = Annotation.define<boolean>();

/**
 * The TraceQL editor: highlighting from the lezer grammar, autocomplete from the attribute
 * catalog, errors underlined in place. Enter runs the query; Shift+Enter adds a line.
 */
export function TraceQLEditor({ value, onChange, onRun, problem, catalog, placeholder = "", metrics = false }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const handlers = useRef({ onChange, onRun });
  useEffect(() => {
    handlers.current = { onChange, onRun };
  });

  useEffect(() => {
    const run = (v: EditorView) => {
      // With the list open Enter picks from it, never runs the query or breaks the line;
      // a list still loading was not seen yet, so Enter runs.
      const status = completionStatus(v.state);
      if (status === "active") {
        acceptCompletion(v);
        return true;
      }
      if (status === "pending") closeCompletion(v);
      handlers.current.onRun(v.state.doc.toString());
      return true;
    };
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          keymap.of([{ key: "Enter", run }, { key: "Mod-Enter", run }, { key: "Shift-Enter", run: insertNewlineAndIndent }, ...defaultKeymap, ...historyKeymap]),
          traceql(),
          traceqlTheme,
          autocompletion({ override: [traceqlCompletion(catalog)], icons: false, activateOnTypingDelay: 50, interactionDelay: 0 }),
          traceqlLint({ metrics }),
          placeholderExt(placeholder),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ "aria-label": "TraceQL query", "data-search": "", "data-testid": "query-editor" }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged && !u.transactions.some((t) => t.annotation(external))) handlers.current.onChange(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The editor is created once; `value` changes arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalog, metrics]);

  useEffect(() => {
    const v = view.current;
    if (!v || v.state.doc.toString() === value) return;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value }, selection: { anchor: value.length }, annotations: external.of(true) });
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    v.dispatch({ effects: setServerProblem.of(problem) });
    forceLinting(v);
  }, [problem]);

  return (
    <div className="grid min-w-0 flex-1 rounded-md border border-line bg-bg focus-within:border-accent">
      {/* Until the editor mounts (and under it after), the text itself: no jump on hydration. */}
      <div aria-hidden className="col-start-1 row-start-1 px-2 py-1 font-mono text-[13px] leading-5 break-all whitespace-pre-wrap text-fg">
        {value || <span className="text-faint">{placeholder}</span>}
      </div>
      <div ref={host} className="relative col-start-1 row-start-1 min-w-0 [&_.cm-editor]:rounded-md" />
    </div>
  );
}

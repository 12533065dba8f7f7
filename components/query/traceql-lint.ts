import { linter, type Diagnostic } from "@codemirror/lint";
import { StateEffect, StateField } from "@codemirror/state";
import { parseTraceQL } from "@/lib/traceql/parse";
import { TraceQLError } from "@/lib/traceql/errors";
import { planFromTraceQL } from "@/lib/metrics/from-traceql";
import { looksLikeMetrics, parseMetricsTraceQL } from "@/lib/traceql/metrics";

/** What the editor checks as you type: a spanset query, or (on /metrics) a TraceQL metrics query too. */
function check(doc: string, metrics: boolean): void {
  if (!metrics || !looksLikeMetrics(doc)) {
    parseTraceQL(doc);
    return;
  }
  const ast = parseMetricsTraceQL(doc);
  if (ast) planFromTraceQL(ast);
}

/** The server's complaint about a query it was asked to run (a type clash the parser cannot see). */
export interface QueryProblem {
  query: string;
  message: string;
  from: number;
  to: number;
}

export const setServerProblem = StateEffect.define<QueryProblem | null>();

const serverProblem = StateField.define<QueryProblem | null>({
  create: () => null,
  update: (value, tr) => {
    for (const e of tr.effects) if (e.is(setServerProblem)) return e.value;
    return value;
  },
});

function diagnostic(doc: string, message: string, from: number, to: number): Diagnostic {
  const start = Math.max(0, Math.min(from, doc.length));
  // An empty range (an unexpected end) still needs a character to underline.
  const end = Math.min(doc.length, Math.max(to, start + 1));
  return { from: end > start ? start : Math.max(0, start - 1), to: end > start ? end : start, severity: "error", message };
}

/**
 * Problems in the editor: a parse error as you type (`metrics`: metrics queries are allowed) (the same parser the server runs, so the
 * same message), else what the server said about this exact text when it was run.
 */
export function traceqlLint({ metrics = false }: { metrics?: boolean } = {}) {
  return [
    serverProblem,
    linter(
      (view) => {
        const doc = view.state.doc.toString();
        if (!doc.trim() || /^\s*\{\s*\}\s*$/.test(doc)) return [];
        try {
          check(doc, metrics);
        } catch (err) {
          if (err instanceof TraceQLError) return [diagnostic(doc, err.message, err.from, err.to)];
          throw err;
        }
        const server = view.state.field(serverProblem);
        return server && server.query === doc ? [diagnostic(doc, server.message, server.from, server.to)] : [];
      },
      { delay: 500 },
    ),
  ];
}

"use client";

import { formatCount, formatPercent } from "@/lib/format";
import type { SamplingPreview } from "./queries";

const TH = "h-8 border-b border-line bg-panel px-3 text-xs font-medium text-muted";
const TD = "h-[30px] border-b border-line px-3 font-mono text-xs";

const share = (kept: number, of: number) => (of > 0 ? formatPercent(kept / of) : "—");

/** "would keep 1,204 of 9,310 traces (12.9%) · 18.3k of 140k spans" */
export function PreviewSummary({ preview }: { preview: SamplingPreview }) {
  const t = preview.total;
  return (
    <p data-testid="preview-summary">
      Would keep <span className="font-mono font-semibold">{formatCount(t.keptTraces)}</span> of{" "}
      <span className="font-mono">{formatCount(t.traces)}</span> traces{" "}
      <span className="font-mono text-muted">({share(t.keptTraces, t.traces)})</span>
      <span aria-hidden className="mx-1.5 text-faint">·</span>
      <span className="font-mono font-semibold">{formatCount(t.keptSpans)}</span> of{" "}
      <span className="font-mono">{formatCount(t.spans)}</span> spans
    </p>
  );
}

function Row({ label, rate, c, testId, strong = false }: {
  label: React.ReactNode;
  rate: number | null;
  c: { traces: number; spans: number; keptTraces: number; keptSpans: number };
  testId: string;
  strong?: boolean;
}) {
  return (
    <tr data-testid={testId} className={strong ? "font-semibold" : ""}>
      <td className={`${TD} font-sans`}>{label}</td>
      <td className={`${TD} text-right`}>{rate === null ? "" : formatPercent(rate)}</td>
      <td className={`${TD} text-right`}>{formatCount(c.traces)}</td>
      <td className={`${TD} text-right`}>{formatCount(c.keptTraces)}</td>
      <td className={`${TD} text-right`}>{formatCount(c.spans)}</td>
      <td className={`${TD} text-right`}>{formatCount(c.keptSpans)}</td>
      <td className={`${TD} text-right text-muted`}>{share(c.keptSpans, c.spans)}</td>
    </tr>
  );
}

/** Per rule (in the order tried), for traces no rule matched, and in total. */
export function PreviewTable({ preview }: { preview: SamplingPreview }) {
  return (
    <table className="w-full border-collapse" data-testid="preview-table">
      <thead>
        <tr>
          <th scope="col" className={`${TH} text-left`}>Traces decided by</th>
          <th scope="col" className={`${TH} text-right`}>Rate</th>
          <th scope="col" className={`${TH} text-right`}>Traces</th>
          <th scope="col" className={`${TH} text-right`}>Kept</th>
          <th scope="col" className={`${TH} text-right`}>Spans</th>
          <th scope="col" className={`${TH} text-right`}>Kept</th>
          <th scope="col" className={`${TH} text-right`}>% spans kept</th>
        </tr>
      </thead>
      <tbody>
        {preview.rules.map((r, i) => (
          <Row key={i} label={r.name} rate={r.rate} c={r} testId="preview-rule" />
        ))}
        <Row label={<span className="text-muted">No rule matched: default rate</span>} rate={preview.unmatched.rate} c={preview.unmatched} testId="preview-unmatched" />
        <Row label="Total" rate={null} c={preview.total} testId="preview-total" strong />
      </tbody>
    </table>
  );
}

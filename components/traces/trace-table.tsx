"use client";

import { DurationBar } from "@/components/ui/duration-bar";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useRouter } from "next/navigation";
import { formatCount } from "@/lib/format/count";
import { serviceColor } from "@/lib/format/service-color";
import { CopyId } from "@/components/ui/copy-id";
import { onRowArrowKeys } from "@/components/ui/row-keys";
import { ServiceChip } from "@/components/ui/service-chip";
import { RelativeTime } from "@/components/ui/time";
import type { TraceSummary } from "@/lib/contract";

const TH = "sticky top-11 z-10 h-8 border-b border-line bg-panel px-3 text-left text-xs font-medium whitespace-nowrap text-muted";
const TD = "h-[30px] px-3 align-middle";

/** Latest traces, one compact row each; a row opens its trace. */
export function TraceTable({ traces }: { traces: TraceSummary[] }) {
  const router = useRouter();
  const longest = Math.max(0, ...traces.map((t) => t.durationMs));
  return (
    <table className="w-full border-collapse" data-testid="trace-table">
      <thead>
        <tr>
          <th scope="col" className={`${TH} w-24`}>Started</th>
          <th scope="col" className={`${TH} w-36`}>Service</th>
          <th scope="col" className={TH}>Root span</th>
          <th scope="col" className={`${TH} w-24 lg:w-56`}>Duration</th>
          <th scope="col" className={`${TH} w-16 text-right`}>Spans</th>
          <th scope="col" className={`${TH} w-16 text-right`}>Errors</th>
          <th scope="col" className={`${TH} w-24`}>Trace ID</th>
        </tr>
      </thead>
      <tbody onKeyDown={onRowArrowKeys}>
        {traces.map((t) => {
          const href = `/traces/${t.traceId}`;
          return (
            <tr
              key={t.traceId}
              data-testid="trace-row"
              onClick={() => router.push(href)}
              className="cursor-pointer border-b border-line hover:bg-hover"
            >
              <td className={`${TD} text-xs text-muted`}>
                <RelativeTime unixNano={t.startTimeUnixNano} />
              </td>
              <td className={`${TD} max-w-36`}>
                <ServiceChip name={t.rootService} />
              </td>
              <td className={`${TD} max-w-0 truncate`}>
                <Link href={href} data-row-focus className="font-medium hover:underline" onClick={(e) => e.stopPropagation()}>
                  {t.rootName || "(unnamed span)"}
                </Link>
              </td>
              <td className={TD}>
                <DurationBar ms={t.durationMs} longest={longest} color={serviceColor(t.rootService)} />
              </td>
              <td className={`${TD} text-right font-mono text-xs tabular-nums`}>{formatCount(t.spanCount)}</td>
              <td className={`${TD} text-right font-mono text-xs tabular-nums`} data-testid="error-count">
                {t.errorCount > 0 ? (
                  <span className="font-semibold text-error">{formatCount(t.errorCount)}</span>
                ) : (
                  <span className="text-faint">0</span>
                )}
              </td>
              <td className={TD}>
                <CopyId id={t.traceId} className="-ml-1" />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

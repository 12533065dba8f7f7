import type { SpanKindCode, StatusCodeNum } from "@/lib/ingest/types";
import type { SpanKindName, StatusName } from "@/lib/contract";

/** What the collector writes in SpanKind and StatusCode (ptrace's String()). */
export const KIND_TEXT = ["Unspecified", "Internal", "Server", "Client", "Producer", "Consumer"] as const;
export const STATUS_TEXT = ["Unset", "Ok", "Error"] as const;

const KIND_NAMES: SpanKindName[] = ["unspecified", "internal", "server", "client", "producer", "consumer"];
const STATUS_NAMES: StatusName[] = ["unset", "ok", "error"];

// Older collectors wrote SPAN_KIND_SERVER and STATUS_CODE_ERROR.
const bare = (s: string) => s.replace(/^(SPAN_KIND_|STATUS_CODE_)/i, "").toLowerCase();

export function kindCode(text: string): SpanKindCode {
  const i = KIND_NAMES.indexOf(bare(text) as SpanKindName);
  return (i < 0 ? 0 : i) as SpanKindCode;
}

export function statusCode(text: string): StatusCodeNum {
  const i = STATUS_NAMES.indexOf(bare(text) as StatusName);
  return (i < 0 ? 0 : i) as StatusCodeNum;
}

export const kindName = (text: string): SpanKindName => KIND_NAMES[kindCode(text)];
export const statusName = (text: string): StatusName => STATUS_NAMES[statusCode(text)];

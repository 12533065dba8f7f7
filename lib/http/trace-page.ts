import type { TracePage } from "@/lib/spans/types";
import { BadRequestError } from "./errors";
import { parseLimit } from "./time-params";

/**
 * Spans per page of `GET /api/v1/traces/{id}`, the default and the maximum. Each span is
 * built as a full object with its attribute maps, so a 100,000-span trace in one reply
 * took hundreds of MB; the waterfall reads `/waterfall` (columns) instead.
 */
export const TRACE_PAGE_MAX_SPANS = 10_000;

export function parseTracePage(params: URLSearchParams): TracePage {
  const limit = parseLimit(params.get("limit"), TRACE_PAGE_MAX_SPANS, TRACE_PAGE_MAX_SPANS);
  const raw = params.get("offset") || "0";
  const offset = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(offset)) {
    throw new BadRequestError("offset", `expected a whole number of spans to skip, got "${raw}"`);
  }
  return { offset, limit };
}

/** Where the following page is, or null on the last one. */
export function nextTracePage(traceId: string, page: TracePage, total: number): string | null {
  const offset = page.offset + page.limit;
  return offset < total ? `/api/v1/traces/${traceId}?offset=${offset}&limit=${page.limit}` : null;
}

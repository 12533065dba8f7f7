import type { KindValue, StatusValue } from "./ast";

/** OTLP numbers of TraceQL's status and kind literals, as spans store them. */
export const STATUS_CODES: Record<StatusValue, number> = { unset: 0, ok: 1, error: 2 };
export const KIND_CODES: Record<KindValue, number> = {
  unspecified: 0, internal: 1, server: 2, client: 3, producer: 4, consumer: 5,
};

import type { NormalizedSpan } from "./types";

/** The span's service as stored in `service_name`: its resource's first non-empty string `service.name`. */
export function serviceNameOf(span: NormalizedSpan): string {
  const attr = span.resource.find((a) => a.key === "service.name");
  return attr?.value.t === "str" && attr.value.v ? attr.value.v : "unknown_service";
}

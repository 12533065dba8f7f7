import type { TraceSearch } from "@/lib/contract";

const FIELD = /^([A-Za-z_][\w.\-/:]*)\s*(!=|=)\s*(.*)$/;

export function parseTraceSearch(raw: string): TraceSearch {
  const q = raw.trim();
  if (!q) return { kind: "none" };
  const m = FIELD.exec(q);
  if (!m) return { kind: "text", text: q };
  let value = m[3].trim();
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) value = value.slice(1, -1);
  return { kind: "field", key: m[1], op: m[2] as "=" | "!=", value };
}

/** Fields the compact trace carries, so the page answers them alone. */
export type IntrinsicField = "name" | "service" | "status" | "kind" | "span";

export function intrinsicField(key: string): IntrinsicField | null {
  switch (key.replace(/^(span|resource)\./, "")) {
    case "name": return "name";
    case "service": case "service.name": return "service";
    case "status": return "status";
    case "kind": return "kind";
    case "span_id": case "spanId": case "id": return "span";
    default: return null;
  }
}

/** Whether the server must be asked (attribute values live only there). */
export function needsServer(s: TraceSearch): boolean {
  return s.kind === "text" || (s.kind === "field" && intrinsicField(s.key) === null);
}

import type { SavedFilter } from "@/lib/db/schema";
import { checkTraceQL } from "@/lib/traceql/check";

/** The stored JSON list of columns; anything else reads as none. */
function columnList(stored: string | null): string[] | null {
  if (!stored) return null;
  try {
    const list: unknown = JSON.parse(stored);
    return Array.isArray(list) && list.every((c) => typeof c === "string") ? list : null;
  } catch {
    return null;
  }
}

/**
 * A saved filter as the API returns it, its columns as a list. `queryError` is set when the stored query no
 * longer parses (the language support changed since it was saved), so the UI can say so
 * instead of failing silently.
 */
export function withQueryStatus(row: SavedFilter) {
  const { projectId: _projectId, ...rest } = row;
  void _projectId;
  return { ...rest, columns: columnList(row.columns), queryError: checkTraceQL(row.query)?.message ?? null };
}

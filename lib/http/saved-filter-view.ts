import type { SavedFilter } from "@/lib/db/schema";
import { checkTraceQL } from "@/lib/traceql/check";

/**
 * A saved filter as the API returns it. `queryError` is set when the stored query no
 * longer parses (the language support changed since it was saved), so the UI can say so
 * instead of failing silently.
 */
export function withQueryStatus(row: SavedFilter) {
  const { projectId: _projectId, ...rest } = row;
  void _projectId;
  return { ...rest, queryError: checkTraceQL(row.query)?.message ?? null };
}

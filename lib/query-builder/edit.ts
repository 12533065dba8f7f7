import { builderToQuery, queryToBuilder, rowCondition, type BuilderRow } from "./builder";
import { parseFieldText, sameField } from "./fields";

const DURATION_FIELD = "trace:duration";

function isTraceDuration(row: BuilderRow) {
  const f = parseFieldText(row.field);
  return f?.kind === "intrinsic" && f.name === DURATION_FIELD && [">", ">=", "<", "<="].includes(row.op);
}

/**
 * Adds conditions to a query the way a click on a value should: inside the one spanset
 * when the builder can show the query (so it stays editable there), replacing what
 * `replaces` matches; otherwise as a new spanset joined with `&&`, so nothing typed is lost.
 */
function addRows(query: string, rows: BuilderRow[], replaces: (row: BuilderRow) => boolean): string {
  const parsed = queryToBuilder(query);
  if (parsed.ok && (parsed.state.join === "and" || parsed.state.rows.length <= 1)) {
    const kept = parsed.state.rows.filter((r) => !replaces(r));
    const fresh = rows.filter((r) => !kept.some((k) => rowCondition(k) === rowCondition(r)));
    return builderToQuery({ join: "and", rows: [...kept, ...fresh] });
  }
  const extra = builderToQuery({ join: "and", rows });
  if (parsed.ok) return `${query.trim()} && ${extra}`;
  // Pipelines and structural queries need parentheses before another `&&`.
  return parsed.kind === "unsupported" ? `(${query.trim()}) && ${extra}` : `${query.trim()} && ${extra}`;
}

/**
 * "Filter by this value": `=` replaces an earlier `=` on the same field (two would match
 * nothing); other operators (`!=` for "exclude") are added beside what is there.
 */
export function addFilter(query: string, row: BuilderRow): string {
  const field = parseFieldText(row.field);
  if (!field) return query;
  return addRows(query, [row], (r) => {
    const f = parseFieldText(r.field);
    return row.op === "=" && r.op === "=" && !!f && sameField(f, field);
  });
}

/** Three significant digits in a unit that reads well, rounded outward so no bucket edge is lost. */
export function durationBound(ms: number, direction: "down" | "up"): string {
  const [unit, factor] = ms < 1 ? ["us", 1000] : ms < 1000 ? ["ms", 1] : ms < 60_000 ? ["s", 1e-3] : ["m", 1 / 60_000];
  const v = ms * factor;
  const scale = 10 ** (Math.floor(Math.log10(v)) - 2);
  const rounded = (direction === "down" ? Math.floor(v / scale + 1e-9) : Math.ceil(v / scale - 1e-9)) * scale;
  return `${Number(rounded.toPrecision(3))}${unit}`;
}

/** Narrows (or with nulls, widens) the query to traces whose duration is in [fromMs, toMs). */
export function setDurationRange(query: string, fromMs: number | null, toMs: number | null): string {
  const rows: BuilderRow[] = [];
  if (fromMs !== null && fromMs > 0) rows.push({ field: DURATION_FIELD, op: ">=", value: { type: "duration", text: durationBound(fromMs, "down") } });
  if (toMs !== null && Number.isFinite(toMs)) rows.push({ field: DURATION_FIELD, op: "<", value: { type: "duration", text: durationBound(toMs, "up") } });
  if (rows.length === 0) return clearDurationRange(query) ?? query;
  return addRows(query, rows, isTraceDuration);
}

/** The query without its trace:duration bounds, or null when the builder cannot take them out. */
export function clearDurationRange(query: string): string | null {
  const parsed = queryToBuilder(query);
  if (!parsed.ok || !parsed.state.rows.some(isTraceDuration)) return null;
  const rows = parsed.state.rows.filter((r) => !isTraceDuration(r));
  return builderToQuery({ join: parsed.state.join, rows });
}

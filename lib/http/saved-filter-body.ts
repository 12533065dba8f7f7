import { z } from "zod";
import { checkTraceQL } from "@/lib/traceql/check";
import { COLUMN_SPEC, MAX_COLUMNS, TRACE_SORTS } from "./search-params";
import { MAX_NS } from "./time-params";

const since = z.string().regex(/^\d{1,6}[smhdw]$/, 'expected a relative range like "15m", "1h" or "7d"');
const unixNano = z.string().regex(/^\d{1,20}$/, "expected unix nanoseconds as a decimal string")
  .refine((s) => BigInt(s) <= MAX_NS, "after 2262-04-11, past what 64-bit nanoseconds hold");

/** The result table's sort as the traces URL has it (`sort`, `order`), in one value: `duration:desc`. */
const sort = z.string().regex(
  new RegExp(`^(${TRACE_SORTS.join("|")}):(asc|desc)$`),
  `expected "<key>:<order>" with key ${TRACE_SORTS.join(", ")} and order asc or desc, like "duration:desc"`,
);
/** Extra result columns, as the traces URL's `cols` names them. */
const columns = z
  .array(z.string().max(200, "at most 200 characters").regex(COLUMN_SPEC, "expected an attribute like span.<key>, resource.<key> or .<key>"), "expected a list of attribute names")
  .max(MAX_COLUMNS, `at most ${MAX_COLUMNS} attribute columns`);

const fields = {
  name: z.string().trim().min(1, "name is required").max(100, "at most 100 characters"),
  query: z.string().trim().min(1, "query is required").max(10_000, "at most 10,000 characters"),
  since: since.nullable().optional(),
  startNs: unixNano.nullable().optional(),
  endNs: unixNano.nullable().optional(),
  sort: sort.nullable().optional(),
  columns: columns.nullable().optional(),
  author: z.string().trim().min(1, "author is required").max(100, "at most 100 characters"),
};

export const createSavedFilterBody = z.object(fields).strict();
export const patchSavedFilterBody = z.object(fields).partial().strict();

/** `{ error }` text for the first problem: zod issues, an unparsable query, a bad range. */
export function savedFilterProblem(
  parsed: { success: true; data: { query?: string; since?: string | null; startNs?: string | null; endNs?: string | null } } | { success: false; error: z.ZodError },
): { error: string; from?: number; to?: number } | null {
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `${issue.path.join(".") || "body"}: ${issue.message}` };
  }
  const d = parsed.data;
  if (d.since && (d.startNs || d.endNs)) return { error: "since: give either a relative range (since) or an absolute one (startNs/endNs), not both" };
  if (d.startNs && d.endNs && BigInt(d.startNs) > BigInt(d.endNs)) return { error: "endNs: before startNs" };
  if (d.query !== undefined) {
    const problem = checkTraceQL(d.query);
    if (problem) return { error: `query: ${problem.message}`, from: problem.from, to: problem.to };
  }
  return null;
}

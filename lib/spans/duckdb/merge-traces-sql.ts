/**
 * Each touched trace's summary, merged from its stored row and the batch's new spans
 * (spans of one trace arrive in many requests, in any order): no scan of stored spans.
 * The root is the earliest span without a parent; until one arrives, the earliest span.
 */
const newRootWins = "b.root_start IS NOT NULL AND (t.root_start_ns IS NULL OR b.root_start < t.root_start_ns)";
const pick = (batchRoot: string, stored: string, batchFirst: string) => `
  CASE WHEN ${newRootWins} THEN ${batchRoot}
       WHEN t.root_start_ns IS NOT NULL THEN ${stored}
       WHEN t.trace_id IS NULL OR b.s < t.start_ns THEN ${batchFirst} ELSE ${stored} END`;

export const MERGE_TRACES = [
  `CREATE OR REPLACE TEMP TABLE batch_traces AS
   SELECT project_id, trace_id, min(start_ns) AS s, max(end_ns) AS e, count(*) AS n,
          count(*) FILTER (WHERE status_code = 2) AS errs,
          min(start_ns) FILTER (WHERE parent_span_id IS NULL) AS root_start,
          arg_min(name, start_ns) FILTER (WHERE parent_span_id IS NULL) AS root_name,
          arg_min(service_name, start_ns) FILTER (WHERE parent_span_id IS NULL) AS root_service,
          arg_min(name, start_ns) AS first_name, arg_min(service_name, start_ns) AS first_service,
          list_distinct(list(service_name)) AS services
   FROM fresh GROUP BY project_id, trace_id`,
  `CREATE OR REPLACE TEMP TABLE merged AS
   SELECT b.project_id, b.trace_id,
          CASE WHEN t.trace_id IS NULL THEN b.s ELSE least(t.start_ns, b.s) END,
          CASE WHEN t.trace_id IS NULL THEN b.e ELSE greatest(t.end_ns, b.e) END,
          (coalesce(t.span_count, 0) + b.n)::INTEGER,
          (coalesce(t.error_count, 0) + b.errs)::INTEGER,
          ${pick("b.root_name", "t.root_name", "b.first_name")},
          ${pick("b.root_service", "t.root_service", "b.first_service")},
          coalesce(t.has_root, false) OR b.root_start IS NOT NULL,
          list_sort(list_distinct(list_concat(coalesce(t.services, []::VARCHAR[]), b.services))),
          CASE WHEN ${newRootWins} THEN b.root_start ELSE t.root_start_ns END
   FROM batch_traces b LEFT JOIN traces t ON t.project_id = b.project_id AND t.trace_id = b.trace_id`,
  `DELETE FROM traces USING batch_traces b WHERE traces.project_id = b.project_id AND traces.trace_id = b.trace_id`,
  `INSERT INTO traces SELECT * FROM merged`,
];

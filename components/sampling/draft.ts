import type { QueryProblem } from "@/components/query/traceql-lint";
import type { SamplingBody, SamplingPolicyView, SamplingRule } from "./queries";

/** A rule as typed: rate as a percentage, priority as text, `key` only for React. */
export interface RuleDraft {
  key: number;
  name: string;
  match: string;
  rate: string;
  priority: string;
}

export interface PolicyDraft {
  rules: RuleDraft[];
  defaultRate: string;
}

export type RuleField = "name" | "match" | "rate" | "priority";

/** Problems by row key and field; `match` problems carry where in the condition they are. */
export interface DraftErrors {
  rows: Map<number, Partial<Record<Exclude<RuleField, "match">, string>> & { match?: QueryProblem }>;
  defaultRate?: string;
  /** Not about one field (too many rules, a server failure). */
  general?: string;
}

let nextKey = 1;
export const newKey = () => nextKey++;

/** 0.129 -> "12.9"; no float noise (0.07 * 100 is 7.000000000000001). */
export function percentText(rate: number): string {
  return String(Number((rate * 100).toFixed(4)));
}

export function draftOf(policy: SamplingBody): PolicyDraft {
  return {
    rules: policy.rules.map((r) => ({ key: newKey(), name: r.name, match: r.match, rate: percentText(r.rate), priority: String(r.priority) })),
    defaultRate: percentText(policy.defaultRate),
  };
}

export const emptyRule = (): RuleDraft => ({ key: newKey(), name: "", match: "", rate: "100", priority: "0" });

/** The examples the empty state offers: errors and premium customers in full, half the slow ones, a tenth of the rest. */
export function exampleDraft(): PolicyDraft {
  return draftOf({
    rules: [
      { name: "errors", match: "{ status = error }", rate: 1, priority: 30 },
      { name: "premium tiers", match: '{ span.customer.tier =~ "premium|enterprise" }', rate: 1, priority: 20 },
      { name: "slow", match: "{ duration > 5s }", rate: 0.5, priority: 10 },
    ],
    defaultRate: 0.1,
  });
}

/** "12.5" or "12.5%" -> 0.125; a message when it is not a percentage. */
export function parsePercent(text: string): number | string {
  const m = /^\s*(\d{1,3}(?:\.\d+)?)\s*%?\s*$/.exec(text);
  if (!m) return text.trim() ? "a percentage from 0 to 100" : "required: a percentage from 0 to 100";
  const pct = Number(m[1]);
  if (pct > 100) return "at most 100%";
  return Number((pct / 100).toFixed(6));
}

/** Blank is 0. */
export function parsePriority(text: string): number | string {
  if (!text.trim()) return 0;
  if (!/^\s*-?\d{1,7}\s*$/.test(text) || Math.abs(Number(text)) > 1_000_000) return "a whole number from -1,000,000 to 1,000,000";
  return Number(text);
}

/** Row indexes in the order rules are tried: highest priority first, ties in listed order (as the server orders them). */
export function triedOrder(rules: RuleDraft[]): number[] {
  const prio = (r: RuleDraft) => {
    const p = parsePriority(r.priority);
    return typeof p === "number" ? p : 0;
  };
  return rules.map((r, i) => ({ i, p: prio(r) })).sort((a, b) => b.p - a.p || a.i - b.i).map(({ i }) => i);
}

export interface Built {
  body: SamplingBody;
  /** The draft row key of each rule in `body`, to put the server's `rules[i]` errors back on their row. */
  keys: number[];
  json: string;
}

/**
 * The request body for a draft, or the problems to fix first. For the preview, rows with no
 * condition yet are left out and a missing name is filled in, so a half-typed row does not
 * stop it; Save takes every row as it is.
 */
export function buildBody(draft: PolicyDraft, purpose: "save" | "preview"): { built: Built | null; errors: DraftErrors; skipped: number } {
  const errors: DraftErrors = { rows: new Map() };
  const rules: SamplingRule[] = [];
  const keys: number[] = [];
  let skipped = 0;
  draft.rules.forEach((r, i) => {
    const rowErrors: Partial<Record<"name" | "rate" | "priority", string>> = {};
    const rate = parsePercent(r.rate);
    const priority = parsePriority(r.priority);
    if (typeof rate === "string") rowErrors.rate = rate;
    if (typeof priority === "string") rowErrors.priority = priority;
    if (Object.keys(rowErrors).length) errors.rows.set(r.key, rowErrors);
    if (purpose === "preview" && !r.match.trim()) {
      skipped++;
      return;
    }
    // The server trims names too: trimming here keeps "unchanged" honest.
    const name = purpose === "preview" && !r.name.trim() ? `rule ${i + 1}` : r.name.trim();
    rules.push({ name, match: r.match, rate: typeof rate === "number" ? rate : 0, priority: typeof priority === "number" ? priority : 0 });
    keys.push(r.key);
  });
  const defaultRate = parsePercent(draft.defaultRate);
  if (typeof defaultRate === "string") errors.defaultRate = defaultRate;
  if (errors.rows.size || errors.defaultRate) return { built: null, errors, skipped };
  const body = { rules, defaultRate: defaultRate as number };
  return { built: { body, keys, json: JSON.stringify(body) }, errors, skipped };
}

/**
 * The server's 400 put back where it belongs: `rules[2].match: ...` on row 2's condition
 * (underlined at `from`..`to`), `rules[0].rate: ...` beside that rate, `defaultRate: ...`
 * beside the default; anything else is general.
 */
export function errorsFromServer(message: string, built: Built, at?: { from?: number; to?: number }): DraftErrors {
  const errors: DraftErrors = { rows: new Map() };
  const m = /^rules\[(\d+)\]\.(name|match|rate|priority): (.*)$/s.exec(message);
  if (m && built.keys[Number(m[1])] !== undefined) {
    const [, index, field, detail] = m;
    const rule = built.body.rules[Number(index)];
    const key = built.keys[Number(index)];
    if (field === "match") {
      const problem = { query: rule.match, message: detail, from: at?.from ?? 0, to: at?.to ?? rule.match.length };
      errors.rows.set(key, { match: problem });
    } else {
      // The API counts rates from 0 to 1; this form shows percentages.
      errors.rows.set(key, { [field]: detail.replace("a rate is between 0 and 1", "a percentage from 0 to 100") });
    }
    return errors;
  }
  const d = /^defaultRate: (.*)$/s.exec(message);
  if (d) errors.defaultRate = d[1].replace("a rate is between 0 and 1", "a percentage from 0 to 100");
  else errors.general = message;
  return errors;
}

export function isUnchanged(draft: PolicyDraft, saved: SamplingPolicyView): boolean {
  const { built } = buildBody(draft, "save");
  if (!built) return false;
  const same = (a: SamplingRule, b: SamplingRule) => a.name === b.name && a.match === b.match && a.rate === b.rate && a.priority === b.priority;
  return (
    built.body.defaultRate === saved.defaultRate &&
    built.body.rules.length === saved.rules.length &&
    built.body.rules.every((r, i) => same(r, saved.rules[i]))
  );
}

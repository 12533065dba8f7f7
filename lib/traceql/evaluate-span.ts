import { serviceNameOf } from "@/lib/ingest/service-name";
import type { AnyValue, Attr, NormalizedSpan } from "@/lib/ingest/types";
import type {
  AttributeScope, ComparisonOp, Condition, Field, Intrinsic, Pos, Static, StaticNode,
} from "./ast";
import { KIND_CODES, STATUS_CODES } from "./codes";
import { TraceQLError } from "./errors";
import { parseTraceQL } from "./parse";
import { re2ToRegExp } from "./regex-js";

/**
 * One `{ ... }` condition evaluated in JS on a single incoming span, for sampling rules that
 * decide at ingest time. The meaning is the DuckDB compiler's (lib/spans/duckdb/traceql/compile-condition.ts,
 * compile-attribute.ts) applied to the span as ingest would store it; evaluate-span.test.ts
 * runs both on the same spans. Everything is resolved at compile time into a tree of
 * closures, so a call only reads the span.
 */
export type SpanPredicate = (span: NormalizedSpan) => boolean;

const ALWAYS: SpanPredicate = () => true;
const NEVER: SpanPredicate = () => false;
const TRACE_LEVEL = new Set<Intrinsic>(["trace:rootName", "trace:rootService", "trace:duration"]);

/**
 * Compiles a rule's condition once. Throws TraceQLError (with the offending range) for anything
 * but a single `{ ... }`, for trace-level intrinsics, for what the SQL compiler refuses, and for
 * the few RE2 constructs a JS RegExp cannot match the same way.
 */
export function compileSpanPredicate(query: string): SpanPredicate {
  const ast = parseTraceQL(query);
  if (ast.kind !== "filter") {
    throw new TraceQLError("sampling rules take a single { ... } condition", ast.from, ast.to);
  }
  if (!ast.condition) return ALWAYS;
  const traceLevel = fieldsOf(ast.condition)
    .filter((f): f is Extract<Field, { kind: "intrinsic" }> => f.kind === "intrinsic" && TRACE_LEVEL.has(f.name));
  if (traceLevel.length) {
    const names = [...new Set(traceLevel.map((f) => f.name))].join(", ");
    throw new TraceQLError(
      `${names} cannot be used in a sampling rule, which decides on each span before the rest of its trace arrives`,
      traceLevel[0].from, traceLevel[0].to,
    );
  }
  return condition(ast.condition);
}

function fieldsOf(c: Condition): Field[] {
  if (c.kind === "compare") return [c.field];
  if (c.kind === "not") return fieldsOf(c.operand);
  return c.kind === "literal" ? [] : [...fieldsOf(c.left), ...fieldsOf(c.right)];
}

function condition(c: Condition): SpanPredicate {
  switch (c.kind) {
    case "literal": return c.value ? ALWAYS : NEVER;
    case "and": {
      const l = condition(c.left), r = condition(c.right);
      return (s) => l(s) && r(s);
    }
    case "or": {
      const l = condition(c.left), r = condition(c.right);
      return (s) => l(s) || r(s);
    }
    // Two-valued as in Tempo: a comparison on a missing value is false, so its negation holds.
    // Every leaf below already answers false where SQL would say NULL.
    case "not": {
      const operand = condition(c.operand);
      return (s) => !operand(s);
    }
    case "compare": {
      const bad = () => mismatch(c.field, c.value, c.op);
      return c.field.kind === "intrinsic"
        ? intrinsic(c.field.name, c.op, c.value, bad)
        : attribute(c.field.scope, c.field.key, c.op, c.value, bad);
    }
  }
}

/** Same wording as the SQL compiler, so a rule and a search report a bad query alike. */
function mismatch(field: Field, value: StaticNode, op: ComparisonOp): TraceQLError {
  const name = field.kind === "intrinsic"
    ? field.name
    : `${field.scope === "unscoped" ? "" : field.scope}.${field.key}`;
  return new TraceQLError(`cannot compare ${name} ${op} a ${value.value.type} value`, field.from, value.to);
}

type Test<T> = (x: T) => boolean;
const isEquality = (op: ComparisonOp) => op === "=" || op === "!=";
const isRegex = (op: ComparisonOp) => op === "=~" || op === "!~";

function ordered<T extends number | bigint>(op: ComparisonOp, v: T): Test<T> {
  switch (op) {
    case "=": return (x) => x === v;
    case "!=": return (x) => x !== v;
    case ">": return (x) => x > v;
    case ">=": return (x) => x >= v;
    case "<": return (x) => x < v;
    case "<=": return (x) => x <= v;
    default: throw new Error(`${op} is not an ordering`);
  }
}

/** Compares as DuckDB's VARCHAR does, by UTF-8 bytes, which is code point order rather than UTF-16's. */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (code points past U+FFFF) sort after U+E000..U+FFFF in UTF-8; below U+D800 the orders agree.
    return x >= 0xd800 && y >= 0xd800 ? surrogatesLast(x) - surrogatesLast(y) : x - y;
  }
  return a.length - b.length;
}

const surrogatesLast = (unit: number) => (unit >= 0xe000 ? unit - 0x800 : unit + 0x2000);

function stringTest(op: ComparisonOp, v: string, at: Pos): Test<string> {
  if (op === "=") return (x) => x === v;
  if (op === "!=") return (x) => x !== v;
  if (isRegex(op)) {
    const re = re2ToRegExp(v, at);
    return op === "=~" ? (x) => re.test(x) : (x) => !re.test(x);
  }
  const holds = ordered<number>(op, 0);
  return (x) => holds(compareCodePoints(x, v));
}

/**
 * Numeric literals against int and double values, as the SQL binds them: an int or duration
 * literal compares exactly with ints (bigint) and as a double with doubles; a float literal
 * turns ints into doubles first, as DuckDB casts BIGINT to DOUBLE.
 */
function numberTest(op: ComparisonOp, v: Static): { int: Test<bigint>; dbl: Test<number> } | null {
  if (v.type === "float") {
    const dbl = ordered(op, v.value);
    return { int: (x) => dbl(Number(x)), dbl };
  }
  const raw = v.type === "int" ? v.value : v.type === "duration" ? v.ns : null;
  return raw === null ? null : { int: ordered(op, raw), dbl: ordered(op, Number(raw)) };
}

// Attributes ---------------------------------------------------------------------------------

/** Past this many attributes a span's lookups go through a Map built once (see attrValue). */
const SCAN_LIMIT = 8;
const attrMaps = new WeakMap<Attr[], Map<string, AnyValue>>();

/**
 * The value stored for `key`: the last one when a key repeats, as splitAttrs keeps. Maps are
 * cached per array, not per span: spans of one OTLP resource share their resource array.
 * Ingest never mutates these arrays after decoding, which the cache relies on.
 */
function attrValue(attrs: Attr[], key: string): AnyValue | undefined {
  if (attrs.length <= SCAN_LIMIT) {
    for (let i = attrs.length - 1; i >= 0; i--) if (attrs[i].key === key) return attrs[i].value;
    return undefined;
  }
  let map = attrMaps.get(attrs);
  if (!map) {
    map = new Map();
    for (const a of attrs) map.set(a.key, a.value);
    attrMaps.set(attrs, map);
  }
  return map.get(key);
}

const asAny = (v: AnyValue) => v;
const asStr = (v: AnyValue) => (v.t === "str" ? v.v : undefined);
const asInt = (v: AnyValue) => (v.t === "int" ? v.v : undefined);
// Non-finite doubles are stored in the JSON map (attribute-codec.ts), out of numeric reach.
const asDbl = (v: AnyValue) => (v.t === "dbl" && Number.isFinite(v.v) ? v.v : undefined);
const asBool = (v: AnyValue) => (v.t === "bool" ? v.v : undefined);

/**
 * One typed map lookup. Unscoped prefers the span and falls back to the resource per type,
 * like the SQL's coalesce, so a span int does not hide a resource string of the same key.
 */
function lookup<T>(scope: "span" | "resource" | "unscoped", key: string, as: (v: AnyValue) => T | undefined) {
  const read = (attrs: Attr[]) => {
    const v = attrValue(attrs, key);
    return v === undefined ? undefined : as(v);
  };
  if (scope === "span") return (s: NormalizedSpan) => read(s.attributes);
  if (scope === "resource") return (s: NormalizedSpan) => read(s.resource);
  return (s: NormalizedSpan) => read(s.attributes) ?? read(s.resource);
}

function attribute(
  scope: AttributeScope, key: string, op: ComparisonOp, node: StaticNode, bad: () => TraceQLError,
): SpanPredicate {
  if (scope === "event") return eventAttribute(key, op, node, bad);
  const v = node.value;
  switch (v.type) {
    case "nil": {
      if (!isEquality(op)) throw bad();
      const value = lookup(scope, key, asAny);
      return op === "!=" ? (s) => value(s) !== undefined : (s) => value(s) === undefined;
    }
    case "string": {
      const str = lookup(scope, key, asStr);
      if (scope === "resource" && key === "service.name" && op === "=") {
        // The SQL also checks the service_name column, which never holds "" and reads the first
        // service.name where the map keeps the last; mirrored so both keep the same spans.
        return (s) => str(s) === v.value && serviceNameOf(s) === v.value;
      }
      const test = stringTest(op, v.value, node);
      return (s) => {
        const x = str(s);
        return x !== undefined && test(x);
      };
    }
    case "int":
    case "duration":
    case "float": {
      const t = numberTest(op, v);
      if (!t || isRegex(op)) throw bad();
      const int = lookup(scope, key, asInt), dbl = lookup(scope, key, asDbl);
      return (s) => {
        const i = int(s);
        if (i !== undefined) return t.int(i);
        const d = dbl(s);
        return d !== undefined && t.dbl(d);
      };
    }
    case "bool": {
      if (!isEquality(op)) throw bad();
      const bool = lookup(scope, key, asBool);
      const want = v.value;
      return op === "=" ? (s) => bool(s) === want : (s) => bool(s) === !want;
    }
    default:
      throw bad();
  }
}

/** `event.key op value`: any event of the span has the key with a matching value. Event
 * attributes are stored as sent, so a repeated key counts once per occurrence. */
function eventAttribute(key: string, op: ComparisonOp, node: StaticNode, bad: () => TraceQLError): SpanPredicate {
  const v = node.value;
  let test: Test<AnyValue>;
  switch (v.type) {
    case "nil": {
      if (!isEquality(op)) throw bad();
      const has = anyEventAttribute(key, () => true);
      return op === "!=" ? has : (s) => !has(s);
    }
    case "string": {
      const t = stringTest(op, v.value, node);
      test = (x) => x.t === "str" && t(x.v);
      break;
    }
    case "int":
    case "duration":
    case "float": {
      const t = numberTest(op, v);
      if (!t || isRegex(op)) throw bad();
      // Event doubles keep NaN (the span maps do not), and DuckDB orders NaN above every number.
      const nan = op === ">" || op === ">=" || op === "!=";
      test = (x) => (x.t === "int" ? t.int(x.v) : x.t === "dbl" && (Number.isNaN(x.v) ? nan : t.dbl(x.v)));
      break;
    }
    case "bool": {
      if (!isEquality(op)) throw bad();
      const want = op === "=" ? v.value : !v.value;
      test = (x) => x.t === "bool" && x.v === want;
      break;
    }
    default:
      throw bad();
  }
  return anyEventAttribute(key, test);
}

function anyEventAttribute(key: string, test: Test<AnyValue>): SpanPredicate {
  return (s) => {
    for (const e of s.events) for (const a of e.attributes) if (a.key === key && test(a.value)) return true;
    return false;
  };
}

// Intrinsics ---------------------------------------------------------------------------------

/**
 * String intrinsics as the store holds them: `read` is null where the column is NULL, `isNil`
 * answers `= nil` (absent: always present). Empty scope names are stored as NULL, so `= ""`
 * never matches them; an empty status message is NULL too but reads as "", as in Tempo.
 */
type StringIntrinsic = { read: (s: NormalizedSpan) => string | null; isNil?: SpanPredicate };
const STRING_INTRINSICS: Partial<Record<Intrinsic, StringIntrinsic>> = {
  name: { read: (s) => s.name },
  statusMessage: { read: (s) => s.statusMessage, isNil: (s) => s.statusMessage === "" },
  "trace:id": { read: (s) => s.traceId },
  "span:id": { read: (s) => s.spanId },
  "span:parentID": { read: (s) => s.parentSpanId, isNil: (s) => s.parentSpanId === null },
  "instrumentation:name": { read: (s) => s.scopeName || null, isNil: (s) => !s.scopeName },
  "instrumentation:version": { read: (s) => s.scopeVersion || null, isNil: (s) => !s.scopeVersion },
};
// Ids are stored as lowercase hex; a regex is left as written.
const LOWERCASE_IDS = new Set<Intrinsic>(["trace:id", "span:id", "span:parentID"]);

function intrinsic(name: Intrinsic, op: ComparisonOp, node: StaticNode, bad: () => TraceQLError): SpanPredicate {
  const v = node.value;
  if (v.type === "nil") {
    if (!isEquality(op)) throw bad();
    const isNil = name === "event:name"
      ? (s: NormalizedSpan) => s.events.length === 0
      : STRING_INTRINSICS[name]?.isNil;
    if (!isNil) return op === "!=" ? ALWAYS : NEVER;
    return op === "=" ? isNil : (s) => !isNil(s);
  }
  const str = STRING_INTRINSICS[name];
  if (str) {
    if (v.type !== "string") throw bad();
    const test = stringTest(op, LOWERCASE_IDS.has(name) && !isRegex(op) ? v.value.toLowerCase() : v.value, node);
    const read = str.read;
    return (s) => {
      const x = read(s);
      return x !== null && test(x);
    };
  }
  switch (name) {
    case "status":
    case "kind": {
      const code = name === "status"
        ? v.type === "status" ? STATUS_CODES[v.value] : undefined
        : v.type === "kind" ? KIND_CODES[v.value] : undefined;
      if (code === undefined || !isEquality(op)) throw bad();
      const read = name === "status" ? (s: NormalizedSpan) => s.statusCode : (s: NormalizedSpan) => s.kind;
      return op === "=" ? (s) => read(s) === code : (s) => read(s) !== code;
    }
    case "duration": {
      const t = numberTest(op, v);
      if (!t || isRegex(op)) throw bad();
      return (s) => t.int(s.endNs - s.startNs);
    }
    case "event:name": {
      if (v.type !== "string") throw bad();
      const test = stringTest(op, v.value, node);
      return (s) => s.events.some((e) => test(e.name));
    }
    default:
      throw bad();
  }
}

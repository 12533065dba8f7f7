import type { TraceColumns } from "@/lib/waterfall/columns";
import type { WaterfallBase } from "@/lib/waterfall/model";
import { packIds, unpackIds } from "@/lib/waterfall/packed-ids";
import type { WireBase } from "./trace-worker-protocol";

/** The base as the worker sends it: the same arrays, ids packed into one string each. */
export function toWire(base: WaterfallBase): WireBase {
  const { spanId, parentSpanId, ...columns } = base.tree.trace;
  return { ...base, tree: { ...base.tree, trace: { ...columns, spanIds: packIds(spanId), parentSpanIds: packIds(parentSpanId) } } };
}

/** Defines `key` to be computed on first read, then kept as a plain value. */
function lazy<T extends object>(o: T, key: keyof T & string, make: () => unknown) {
  Object.defineProperty(o, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = make();
      Object.defineProperty(o, key, { value, enumerable: true, writable: true });
      return value;
    },
  });
}

/**
 * The base back in the page. Ids are unpacked on first read: the first rows never read
 * them, a selection or a collapse does (a few ms, once).
 */
export function fromWire(wire: WireBase): WaterfallBase {
  const { spanIds, parentSpanIds, ...columns } = wire.tree.trace;
  const n = columns.name.length;
  const trace = columns as TraceColumns;
  lazy(trace, "spanId", () => unpackIds(spanIds, n, false));
  lazy(trace, "parentSpanId", () => unpackIds(parentSpanIds, n, true));
  return { ...wire, tree: { ...wire.tree, trace } };
}

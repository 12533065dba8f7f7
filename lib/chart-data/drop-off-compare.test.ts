import { describe, expect, it } from "vitest";
import { checkTraceQL } from "@/lib/traceql/check";
import { dropOffComparison } from "./drop-off-compare";

const A = "0af7651916cd43dd8448eb211c80319c";
const B = "b7ad6b7169203331b7ad6b7169203331";

describe("drop-off comparison", () => {
  it("ANDs the dropped traces into the step's spanset, and keeps the step as the baseline", () => {
    const c = dropOffComparison('{ name = "checkout" }', [A, B.toUpperCase(), A]);
    expect(c).toEqual({
      ok: true, traces: 2, capped: false, baseline: '{ name = "checkout" }',
      selection: `{ name = "checkout" && (trace:id = "${A}" || trace:id = "${B}") }`,
    });
  });

  it("keeps an OR step together, so every alternative is limited to the dropped traces", () => {
    const c = dropOffComparison('{ name = "a" || name = "b" }', [A]);
    expect(c.ok && c.selection).toBe(`{ (name = "a" || name = "b") && trace:id = "${A}" }`);
  });

  it("caps the ids and says so; the capped text is still valid TraceQL", () => {
    const ids = Array.from({ length: 150 }, (_, i) => i.toString(16).padStart(32, "0"));
    const c = dropOffComparison("{ status = error }", ids);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.traces).toBe(100);
    expect(c.capped).toBe(true);
    expect(checkTraceQL(c.selection)).toBeNull();
  });

  it("drops ids that are not hex, so they cannot change the query", () => {
    const c = dropOffComparison("{ status = error }", [`${A}" || true || trace:id = "`, B]);
    expect(c.ok && c.selection).toBe(`{ status = error && trace:id = "${B}" }`);
  });

  it("refuses a structural step and an empty list, saying why", () => {
    const structural = dropOffComparison('{ name = "a" } >> { name = "b" }', [A]);
    expect(structural.ok).toBe(false);
    expect(!structural.ok && structural.reason).toMatch(/single \{ … \} spanset/);
    const none = dropOffComparison("{ status = error }", []);
    expect(!none.ok && none.reason).toMatch(/no trace dropped off/);
  });
});

import { describe, expect, it } from "vitest";
import { compactTrace } from "@/lib/waterfall/fixtures";
import { alignTraces } from "./align";
import { nodeAt, packAlignment, packedBuffers, stringAt } from "./packed";

const aligned = () => alignTraces(
  compactTrace([
    { id: "r", start: 0, end: 100, name: "GET /checkout", service: "web" },
    { id: "c", parent: "r", start: 10, end: 60, name: "charge 💳", service: "paiements-é", error: true },
    { id: "c2", parent: "r", start: 61, end: 70, name: "charge 💳", service: "paiements-é" },
    { id: "s", parent: "r", start: 70, end: 80, name: "ship" },
  ]),
  compactTrace([
    { id: "x", start: 0, end: 150, name: "GET /checkout", service: "web" },
    { id: "y", parent: "x", start: 5, end: 125, name: "charge 💳", service: "paiements-é" },
    { id: "t", parent: "x", start: 130, end: 140, name: "track" },
  ]),
);

describe("packAlignment", () => {
  it("reads back every node as the aligner built it, non-ASCII names and missing sides included", () => {
    const al = aligned();
    const packed = packAlignment(al);
    expect(packed.size).toBe(al.nodes.length);
    for (const { children, ...node } of al.nodes) expect(nodeAt(packed, node.id)).toEqual({ ...node, childCount: children.length });
    // A path only in B has no span in A: its id reads back as null, its start as Infinity.
    const track = al.nodes.find((n) => n.name === "track")!;
    expect(nodeAt(packed, track.id).a).toMatchObject({ count: 0, spanId: null, startNs: Infinity });
    expect({ order: packed.order, a: packed.a, counts: packed.counts }).toEqual({ order: al.order, a: al.a, counts: al.counts });
  });

  it("stores each distinct string once", () => {
    const { strings } = packAlignment(aligned());
    const all = Array.from({ length: strings.offsets.length - 1 }, (_, i) => stringAt(strings, i));
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((s) => s === "charge 💳")).toHaveLength(1);
  });

  it("survives a transfer: every buffer listed once, none shared", () => {
    // The packed form shares the alignment's order arrays: the transfer detaches them too.
    const al = aligned();
    const packed = packAlignment(al);
    const names = Array.from(al.order, (id) => al.nodes[id].name);
    const buffers = packedBuffers(packed);
    expect(new Set(buffers).size).toBe(buffers.length);
    // A buffer listed twice, or a view on a buffer not listed, would throw or be copied here.
    const moved = structuredClone(packed, { transfer: buffers });
    expect(packed.parent.byteLength).toBe(0);
    expect(Array.from(moved.order, (id) => nodeAt(moved, id).name)).toEqual(names);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The import graph between areas (`lib/<folder>`, `components`, `app`), type-only imports
 * included: a cycle of types is still a cycle, and it is how a store's module leaks into a
 * screen. Tests and their fixtures are left out, since nothing imports them back.
 */
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TEST_ONLY = /\.test\.tsx?$|fixture|test-store\.ts$/;

interface Import {
  file: string;
  spec: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sourceFiles(rel);
    return /\.tsx?$/.test(e.name) && !TEST_ONLY.test(e.name) ? [rel] : [];
  });
}

/** `lib/spans/duckdb/store.ts` -> `lib/spans`; `components/x/y.tsx` -> `components`. */
function areaOf(file: string): string {
  const [top, second] = file.split("/");
  return top === "lib" ? `lib/${second.replace(/\.tsx?$/, "")}` : top;
}

function importsOf(file: string): Import[] {
  const info = ts.preProcessFile(readFileSync(path.join(ROOT, file), "utf8"), true, true);
  return info.importedFiles.flatMap(({ fileName: spec }) => {
    let target: string;
    if (spec.startsWith("@/")) target = spec.slice(2);
    else if (spec.startsWith(".")) target = path.posix.join(path.posix.dirname(file), spec);
    else return [];
    return [{ file, spec, to: areaOf(target) }];
  });
}

const imports = ["lib", "components", "app"].flatMap(sourceFiles).flatMap(importsOf);
const edges = new Map<string, Map<string, Import>>();
for (const imp of imports) {
  const from = areaOf(imp.file);
  if (from === imp.to) continue;
  if (!edges.has(from)) edges.set(from, new Map());
  if (!edges.get(from)!.has(imp.to)) edges.get(from)!.set(imp.to, imp);
}

/** Strongly connected areas (Tarjan): each group of two or more areas import each other in a loop. */
function cycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      for (let w = stack.pop()!; ; w = stack.pop()!) {
        group.push(w);
        if (w === v) break;
      }
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** Each edge inside a cycle, with one import that makes it, so a failure says what to move. */
function describeCycle(group: string[]): string[] {
  return group.flatMap((from) => group.flatMap((to) => {
    const imp = edges.get(from)?.get(to);
    return imp ? [`${from} -> ${to} (${imp.file} imports "${imp.spec}")`] : [];
  }));
}

const importsFrom = (area: (file: string) => boolean, target: (to: string) => boolean) =>
  imports.filter((i) => area(i.file) && target(i.to)).map((i) => `${i.file} imports "${i.spec}"`);

describe("module boundaries", () => {
  it("sees the graph (a guard against a walk that finds nothing)", () => {
    expect(edges.get("lib/spans")?.has("lib/contract")).toBe(true);
    expect(edges.get("lib/waterfall")?.has("lib/contract")).toBe(true);
  });

  it("lib/contract imports nothing of the app outside itself", () => {
    expect(importsFrom((f) => f.startsWith("lib/contract/"), (to) => to !== "lib/contract")).toEqual([]);
  });

  it("no area cycle involves lib/contract, or both lib/spans and lib/waterfall", () => {
    const bad = cycles().filter((g) => g.includes("lib/contract") || (g.includes("lib/spans") && g.includes("lib/waterfall")));
    expect(bad.map(describeCycle)).toEqual([]);
  });

  it("lib/traceql knows no store: it imports nothing from lib/spans", () => {
    expect(importsFrom((f) => f.startsWith("lib/traceql/"), (to) => to === "lib/spans")).toEqual([]);
  });

  it("no SQL crosses the SpanStore: only lib/spans reaches an engine's folder or its layout", () => {
    const engine = (i: Import) => /^(@\/lib\/spans\/(duckdb|clickhouse|layout)|\.\.?\/.*(duckdb|clickhouse)\/)/.test(i.spec);
    const outside = imports.filter((i) => !i.file.startsWith("lib/spans/") && engine(i)).map((i) => `${i.file} imports "${i.spec}"`);
    expect(outside).toEqual([]);
  });

  it("screens and view models take types from the contract, never from a store's module", () => {
    const viewSide = (f: string) => /^(components|lib\/waterfall|lib\/chart-data)\//.test(f);
    expect(importsFrom(viewSide, (to) => to === "lib/spans")).toEqual([]);
  });
});

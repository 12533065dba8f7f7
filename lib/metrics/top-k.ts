import type { MetricsSeries } from "@/lib/contract";

/**
 * Tempo's topk(k) / bottomk(k): at each time step, the k series with the highest (lowest)
 * value keep their point there and the others lose it; a series that never ranks is dropped.
 * Ties go to the series whose group sorts first, so the answer does not depend on order.
 * The long-tail "other" series is no series of its own in Tempo, so it never ranks.
 */
export function topKPerStep(series: MetricsSeries[], dir: "topk" | "bottomk", k: number): MetricsSeries[] {
  const ranked = series.filter((s) => !s.group.other);
  const keys = ranked.map((s) => JSON.stringify(s.group));
  const byTime = new Map<number, { i: number; v: number }[]>();
  ranked.forEach((s, i) => {
    for (const p of s.points) {
      if (p.v === null || Number.isNaN(p.v)) continue;
      let at = byTime.get(p.t);
      if (!at) byTime.set(p.t, (at = []));
      at.push({ i, v: p.v });
    }
  });
  const kept = ranked.map(() => new Set<number>());
  for (const [t, values] of byTime) {
    values.sort((a, b) => (dir === "topk" ? b.v - a.v : a.v - b.v) || keys[a.i].localeCompare(keys[b.i]));
    for (const { i } of values.slice(0, k)) kept[i].add(t);
  }
  return ranked
    .map((s, i) => ({ ...s, points: s.points.filter((p) => kept[i].has(p.t)) }))
    .filter((s) => s.points.length > 0);
}

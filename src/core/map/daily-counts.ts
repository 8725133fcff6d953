// The timeline: alerts per UTC day over a window, one series per region (a subscription's regions, each
// counting its sub-regions) plus the total. Pure: which entities a region covers is passed in.

export interface TimelineAlert {
  createdAt: string;
  /** Entity ids the alert matched. */
  entityIds: readonly string[];
}

export interface Timeline {
  /** UTC days, oldest first, `YYYY-MM-DD`. */
  days: string[];
  total: number[];
  series: Array<{ id: string; name: string; counts: number[] }>;
}

const DAY_MS = 86_400_000;

/** Every UTC day from the one holding `from` to the one holding `to`. */
export function daysBetween(from: Date, to: Date): string[] {
  const days: string[] = [];
  const start = Math.floor(from.getTime() / DAY_MS);
  const end = Math.floor(to.getTime() / DAY_MS);
  for (let d = start; d <= end; d += 1) days.push(new Date(d * DAY_MS).toISOString().slice(0, 10));
  return days;
}

/**
 * Counts per day. `regions` are the series (id, name and whether an entity counts for it: the region
 * and its descendants do); an alert counts once in each series it touches and once in the total.
 * Alerts outside the window are ignored.
 */
export function dailyCounts(alerts: readonly TimelineAlert[], regions: ReadonlyArray<{ id: string; name: string; covers: (entityId: string) => boolean }>,
  from: Date, to: Date): Timeline {
  const days = daysBetween(from, to);
  const index = new Map(days.map((d, i) => [d, i] as const));
  const total = days.map(() => 0);
  const series = regions.map((r) => ({ id: r.id, name: r.name, counts: days.map(() => 0) }));
  for (const a of alerts) {
    const i = index.get(a.createdAt.slice(0, 10));
    if (i === undefined) continue;
    total[i] += 1;
    regions.forEach((r, k) => { if (a.entityIds.some(r.covers)) series[k]!.counts[i] += 1; });
  }
  return { days, total, series };
}

// Data for comparing the communes under a reviewer: indicators of the year's plans with
// their figures up to the chosen quarter, in a fixed number of queries.
import type { Actor } from "@/server/auth/actor";
import { communeIdsInScope } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { compareCommunes, indicatorKey } from "@/domain/comparison";
import type { IndicatorGroup } from "@/domain/plan-import/types";

const num = (d: { toNumber(): number } | null) => (d === null ? null : d.toNumber());

export async function loadComparison(actor: Actor, year: number, asOf: number, selection: { group?: string; keys?: string[] }) {
  const db = await getDb();
  const communeIds = await communeIdsInScope(actor);
  const [communes, indicators] = await Promise.all([
    db.orgUnit.findMany({ where: { id: { in: communeIds } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.indicator.findMany({
      where: { plan: { communeId: { in: communeIds }, year } },
      select: {
        id: true,
        name: true,
        group: true,
        valueKind: true,
        measurementUnit: true,
        targetRule: true,
        targetValue: true,
        baselineValue: true,
        plan: { select: { communeId: true } },
        values: {
          where: { period: { year, quarter: { lte: asOf } } },
          select: { numerator: true, denominator: true, value: true, done: true, period: { select: { quarter: true } } },
        },
      },
    }),
  ]);
  const rows = indicators.map((i) => ({
    key: indicatorKey(i.name),
    communeId: i.plan.communeId,
    name: i.name,
    group: i.group as IndicatorGroup,
    valueKind: i.valueKind,
    measurementUnit: i.measurementUnit,
    targetRule: i.targetRule,
    targetValue: num(i.targetValue),
    baselineValue: num(i.baselineValue),
    quarters: i.values.map((v) => ({ quarter: v.period.quarter as 1 | 2 | 3 | 4, numerator: num(v.numerator), denominator: num(v.denominator), value: num(v.value), done: v.done })),
  }));
  // The catalogue a reviewer picks from: each distinct indicator, with how many communes track it.
  const catalogue = new Map<string, { key: string; name: string; group: IndicatorGroup; communes: Set<string>; sample: (typeof rows)[number] }>();
  for (const r of rows) {
    const entry = catalogue.get(r.key) ?? { key: r.key, name: r.name, group: r.group, communes: new Set<string>(), sample: r };
    entry.communes.add(r.communeId);
    catalogue.set(r.key, entry);
  }
  const options = [...catalogue.values()]
    .map((c) => ({ key: c.key, name: c.name, group: c.group, communeCount: c.communes.size, sample: c.sample }))
    .sort((a, b) => b.communeCount - a.communeCount || a.name.localeCompare(b.name, "vi"));
  let keys = selection.keys?.filter((k) => catalogue.has(k)) ?? [];
  if (!keys.length && selection.group) keys = options.filter((o) => o.group === selection.group).map((o) => o.key);
  if (!keys.length) keys = options.slice(0, 10).map((o) => o.key);
  const result = compareCommunes(
    communes.map((c) => c.id),
    keys,
    rows,
    asOf,
  );
  return { communes, options, selected: keys.map((k) => options.find((o) => o.key === k)!), ...result };
}

export type Comparison = Awaited<ReturnType<typeof loadComparison>>;

// Data for comparing the communes under a reviewer: indicators of the year's plans with
// their figures up to the chosen quarter, in a fixed number of queries. The catalogue of
// indicators is aggregated in the database; rows and figures are read only for the chosen ones.
import type { Actor } from "@/server/auth/actor";
import { communeIdsInScope } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { compareCommunes, indicatorKey } from "@/domain/comparison";
import type { IndicatorGroup } from "@/domain/plan-import/types";
import type { TargetRule, ValueKind } from "@/generated/prisma/enums";

const num = (d: { toNumber(): number } | null) => (d === null ? null : d.toNumber());

type Db = Awaited<ReturnType<typeof getDb>>;

/** One indicator of one commune's plan, as the comparison reads it. */
interface IndicatorRow {
  key: string;
  communeId: string;
  name: string;
  group: IndicatorGroup;
  valueKind: ValueKind;
  measurementUnit: string | null;
  targetRule: TargetRule;
  targetValue: number | null;
  baselineValue: number | null;
  quarters: { quarter: 1 | 2 | 3 | 4; numerator: number | null; denominator: number | null; value: number | null; done: boolean | null }[];
}

/**
 * The catalogue a reviewer picks from, computed in the database: the distinct indicator names
 * of the communes' plans, with the communes that track each and one row per name to show it.
 * At province scale that is a few dozen names instead of every indicator row (7,500 for 150
 * communes) pulled into the server and decoded.
 */
async function indicatorCatalogue(db: Db, communeIds: string[], year: number) {
  const [pairs, samples] = await Promise.all([
    db.$queryRaw<{ name: string; communeId: string }[]>`
      select distinct i."name", p."communeId"
        from "Indicator" i join "Plan" p on p."id" = i."planId"
       where p."communeId" = any(${communeIds}::text[]) and p."year" = ${year}`,
    db.$queryRaw<
      { name: string; communeId: string; group: string; valueKind: string; measurementUnit: string | null; targetRule: string; targetValue: { toNumber(): number } | null; baselineValue: { toNumber(): number } | null }[]
    >`
      select distinct on (i."name") i."name", p."communeId", i."group"::text as "group", i."valueKind"::text as "valueKind",
             i."measurementUnit", i."targetRule"::text as "targetRule", i."targetValue", i."baselineValue"
        from "Indicator" i join "Plan" p on p."id" = i."planId"
       where p."communeId" = any(${communeIds}::text[]) and p."year" = ${year}
       order by i."name", p."communeId", i."position"`,
  ]);
  return { pairs, samples };
}

export async function loadComparison(actor: Actor, year: number, asOf: number, selection: { group?: string; keys?: string[] }) {
  const db = await getDb();
  const communeIds = await communeIdsInScope(actor);
  const [communes, { pairs, samples }, periods] = await Promise.all([
    db.orgUnit.findMany({ where: { id: { in: communeIds } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    indicatorCatalogue(db, communeIds, year),
    db.reportingPeriod.findMany({ where: { year }, select: { id: true, quarter: true } }),
  ]);
  // The same names repeat in every commune: fold each distinct name once.
  const keyOf = new Map<string, string>();
  for (const p of pairs) if (!keyOf.has(p.name)) keyOf.set(p.name, indicatorKey(p.name));
  for (const s of samples) if (!keyOf.has(s.name)) keyOf.set(s.name, indicatorKey(s.name));
  const sampleRow = (s: (typeof samples)[number]): IndicatorRow => ({
    key: keyOf.get(s.name)!,
    communeId: s.communeId,
    name: s.name,
    group: s.group as IndicatorGroup,
    valueKind: s.valueKind as ValueKind,
    measurementUnit: s.measurementUnit,
    targetRule: s.targetRule as TargetRule,
    targetValue: num(s.targetValue),
    baselineValue: num(s.baselineValue),
    quarters: [],
  });

  // The catalogue a reviewer picks from: each distinct indicator, with how many communes track it.
  const catalogue = new Map<string, { key: string; name: string; group: IndicatorGroup; communes: Set<string>; sample: IndicatorRow }>();
  for (const s of samples) {
    const key = keyOf.get(s.name)!;
    if (!catalogue.has(key)) catalogue.set(key, { key, name: s.name, group: s.group as IndicatorGroup, communes: new Set<string>(), sample: sampleRow(s) });
  }
  for (const p of pairs) catalogue.get(keyOf.get(p.name)!)?.communes.add(p.communeId);
  let keys = selection.keys?.filter((k) => catalogue.has(k)) ?? [];
  const sorted = () =>
    [...catalogue.values()]
      .map((c) => ({ key: c.key, name: c.name, group: c.group, communeCount: c.communes.size, sample: c.sample }))
      .sort((a, b) => b.communeCount - a.communeCount || a.name.localeCompare(b.name, "vi"));
  let options = sorted();
  if (!keys.length && selection.group) keys = options.filter((o) => o.group === selection.group).map((o) => o.key);
  if (!keys.length) keys = options.slice(0, 10).map((o) => o.key);

  // Rows and figures only of the chosen indicators (by name, a handful of parameters), with
  // periods joined here rather than as a nested relation (which lists every period id again).
  const chosen = new Set(keys);
  const names = [...keyOf].filter(([, key]) => chosen.has(key)).map(([name]) => name);
  const inScope = { name: { in: names }, plan: { communeId: { in: communeIds }, year } };
  const [plans, indicators, values] = await Promise.all([
    db.plan.findMany({ where: { communeId: { in: communeIds }, year }, select: { id: true, communeId: true } }),
    db.indicator.findMany({
      where: inScope,
      select: { id: true, planId: true, name: true, group: true, valueKind: true, measurementUnit: true, targetRule: true, targetValue: true, baselineValue: true },
    }),
    db.indicatorValue.findMany({
      where: { indicator: inScope, periodId: { in: periods.filter((p) => p.quarter <= asOf).map((p) => p.id) } },
      select: { indicatorId: true, periodId: true, numerator: true, denominator: true, value: true, done: true },
    }),
  ]);
  const communeOfPlan = new Map(plans.map((p) => [p.id, p.communeId]));
  const quarterOf = new Map(periods.map((p) => [p.id, p.quarter as 1 | 2 | 3 | 4]));
  const valuesOf = new Map<string, (typeof values)[number][]>();
  for (const v of values) {
    const list = valuesOf.get(v.indicatorId);
    if (list) list.push(v);
    else valuesOf.set(v.indicatorId, [v]);
  }
  const rows: IndicatorRow[] = indicators.map((i) => ({
    key: keyOf.get(i.name)!,
    communeId: communeOfPlan.get(i.planId)!,
    name: i.name,
    group: i.group as IndicatorGroup,
    valueKind: i.valueKind,
    measurementUnit: i.measurementUnit,
    targetRule: i.targetRule,
    targetValue: num(i.targetValue),
    baselineValue: num(i.baselineValue),
    quarters: (valuesOf.get(i.id) ?? [])
      .map((v) => ({ quarter: quarterOf.get(v.periodId)!, numerator: num(v.numerator), denominator: num(v.denominator), value: num(v.value), done: v.done }))
      .sort((a, b) => a.quarter - b.quarter),
  }));
  // A chosen indicator's sample carries its figures too, as when every row was loaded.
  for (const r of rows) {
    const entry = catalogue.get(r.key)!;
    if (entry.sample.quarters.length === 0 && entry.sample.communeId === r.communeId && entry.sample.name === r.name) entry.sample = r;
  }
  options = sorted();
  const result = compareCommunes(
    communes.map((c) => c.id),
    keys,
    rows,
    asOf,
  );
  return { communes, options, selected: keys.map((k) => options.find((o) => o.key === k)!), ...result };
}

export type Comparison = Awaited<ReturnType<typeof loadComparison>>;

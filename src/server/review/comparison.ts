// Data for comparing the communes under a reviewer: indicators of the year's plans with
// their figures up to the chosen quarter, in a fixed number of queries; a quarter on file
// (submitted or approved) is read from its report's snapshot. The catalogue of
// indicators is aggregated in the database; rows and figures are read only for the chosen ones.
import "server-only";
import type { Actor } from "@/server/auth/actor";
import { communeIdsInScope } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { pageCache } from "@/server/cache/versioned";
import { frozenIndicatorRows } from "@/server/reports/frozen";
import { compareCommunes, comparisonSelection, indicatorKey } from "@/domain/comparison";
import { comparisonTable, type ComparisonTableData } from "@/domain/comparison-table";
import type { IndicatorGroup } from "@/domain/plan-import/types";
import type { TargetRule, ValueKind } from "@/generated/prisma/enums";

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

type Sample = Omit<IndicatorRow, "key" | "quarters">;

/**
 * The catalogue a reviewer picks from, aggregated in the database in one pass over the
 * communes' indicators: each distinct name, the communes that track it, and one row to show
 * it by. At province scale that is a few dozen rows instead of every indicator (7,500 for 150
 * communes) pulled into the server and decoded. Grouping sorts by byte order (collate "C"):
 * a linguistic sort of 7,500 long Vietnamese names took most of the statement's time, and
 * the display order is made in JavaScript anyway.
 */
function indicatorCatalogue(db: Db, communeIds: string[], year: number) {
  return db.$queryRaw<(Sample & { communeIds: string[] })[]>`
    with r as (
      select i."name" collate "C" as "name", p."communeId" collate "C" as "communeId", i."group"::text as "group", i."valueKind"::text as "valueKind",
             i."measurementUnit", i."targetRule"::text as "targetRule", i."targetValue"::float8 as "targetValue",
             i."baselineValue"::float8 as "baselineValue", i."position"
        from "Plan" p join "Indicator" i on i."planId" = p."id"
       where p."communeId" = any(${communeIds}::text[]) and p."year" = ${year}
    )
    select s."name", s."communeId", s."group", s."valueKind", s."measurementUnit", s."targetRule", s."targetValue", s."baselineValue", c."communeIds"
      from (select distinct on ("name") * from r order by "name", "communeId", "position") s
      join (select "name", array_agg(distinct "communeId") as "communeIds" from r group by "name") c on c."name" = s."name"`;
}

/**
 * The rows of the chosen indicators (by name) with their figures up to the quarter, one row
 * per indicator with its quarters as JSON (a per-row subquery on the value index, no sort of
 * the whole set): one statement, and plain numbers rather than decimals to decode.
 */
function chosenRows(db: Db, communeIds: string[], year: number, asOf: number, names: string[]) {
  if (!names.length) return Promise.resolve([] as (Sample & { quarters: IndicatorRow["quarters"] })[]);
  return db.$queryRaw<(Sample & { quarters: IndicatorRow["quarters"] })[]>`
    select i."name", p."communeId", i."group"::text as "group", i."valueKind"::text as "valueKind", i."measurementUnit",
           i."targetRule"::text as "targetRule", i."targetValue"::float8 as "targetValue", i."baselineValue"::float8 as "baselineValue",
           coalesce((select json_agg(json_build_object('quarter', rp."quarter", 'numerator', v."numerator"::float8, 'denominator', v."denominator"::float8,
                                                       'value', v."value"::float8, 'done', v."done") order by rp."quarter")
                       from "IndicatorValue" v join "ReportingPeriod" rp on rp."id" = v."periodId"
                      where v."indicatorId" = i."id" and rp."year" = ${year} and rp."quarter" <= ${asOf}), '[]') as "quarters"
      from "Plan" p
      join "Indicator" i on i."planId" = p."id"
     where p."communeId" = any(${communeIds}::text[]) and p."year" = ${year} and i."name" = any(${names}::text[])`;
}

export async function loadComparison(actor: Actor, year: number, asOf: number, selection: { group?: string; keys?: string[] }) {
  const communeIds = await communeIdsInScope(actor);
  // The same few comparisons are opened by every reviewer of the unit; figures change by saves.
  return pageCache.get("comparison", communeIds, [year, asOf, selection.group ?? null, selection.keys ?? null], () => buildComparison(communeIds, year, asOf, selection));
}

async function buildComparison(communeIds: string[], year: number, asOf: number, selection: { group?: string; keys?: string[] }) {
  const db = await getDb();
  const [communes, catalogueRows] = await Promise.all([
    db.orgUnit.findMany({ where: { id: { in: communeIds } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    indicatorCatalogue(db, communeIds, year),
  ]);
  // Names differ between communes' documents: the same indicator is matched by its folded name.
  const keyOf = new Map(catalogueRows.map((r) => [r.name, indicatorKey(r.name)]));
  const asRow = (r: Sample & { quarters?: IndicatorRow["quarters"] }): IndicatorRow => ({
    key: keyOf.get(r.name) ?? indicatorKey(r.name),
    communeId: r.communeId,
    name: r.name,
    group: r.group as IndicatorGroup,
    valueKind: r.valueKind,
    measurementUnit: r.measurementUnit,
    targetRule: r.targetRule,
    targetValue: r.targetValue,
    baselineValue: r.baselineValue,
    quarters: r.quarters ?? [],
  });

  const catalogue = new Map<string, { key: string; name: string; group: IndicatorGroup; communes: Set<string>; sample: IndicatorRow }>();
  for (const r of catalogueRows) {
    const key = keyOf.get(r.name)!;
    const entry = catalogue.get(key) ?? { key, name: r.name, group: r.group as IndicatorGroup, communes: new Set<string>(), sample: asRow(r) };
    for (const id of r.communeIds) entry.communes.add(id);
    catalogue.set(key, entry);
  }
  const sorted = () =>
    [...catalogue.values()]
      .map((c) => ({ key: c.key, name: c.name, group: c.group, communeCount: c.communes.size, sample: c.sample }))
      .sort((a, b) => b.communeCount - a.communeCount || a.name.localeCompare(b.name, "vi"));
  let options = sorted();
  // Issue 17: every indicator of the chosen (or default) group, unless indicators were picked.
  const choice = comparisonSelection(options, selection);
  const keys = choice.keys;

  // Rows and figures only of the chosen indicators.
  const chosen = new Set(keys);
  const names = [...keyOf].filter(([, key]) => chosen.has(key)).map(([name]) => name);
  // A commune whose report of the quarter is on file is compared on what it submitted (the
  // snapshot: targets and figures as approved), like its report page; the others on live rows.
  const [live, frozen] = await Promise.all([chosenRows(db, communeIds, year, asOf, names), frozenIndicatorRows(db, communeIds, year, asOf, names)]);
  const rows = [...live.filter((r) => !frozen.has(r.communeId)), ...[...frozen].flatMap(([communeId, list]) => list.map((r) => ({ ...r, communeId })))].map((r) =>
    asRow(r as Sample & { quarters: IndicatorRow["quarters"] }),
  );
  // A chosen indicator's sample carries its figures, as when every row was loaded.
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
  /** Communes compared on their report on file (submitted or approved) rather than live rows. */
  const onFile = [...frozen.keys()];
  return { communes, options, group: choice.group as IndicatorGroup | null, selected: keys.map((k) => options.find((o) => o.key === k)!), onFile, ...result };
}

export type Comparison = Awaited<ReturnType<typeof buildComparison>>;

const tables = new WeakMap<Comparison, ComparisonTableData>();

/**
 * The page's compact table of a comparison, made once per cached comparison (issue 21): the
 * loader's result is shared by every request while its version holds, so its table is too.
 */
export function comparisonTableOf(c: Comparison): ComparisonTableData {
  let table = tables.get(c);
  if (!table) tables.set(c, (table = comparisonTable(c)));
  return table;
}

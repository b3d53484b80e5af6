// Reading reports on file (issue 14): a submitted or approved report is read from the snapshot
// taken when it was submitted, never from the live rows. Every reader of a quarter (report pages,
// dashboard, documents, combined workbook, comparison) goes through here, each in one statement
// whatever the number of communes.
import type { Prisma } from "@/generated/prisma/client";
import type { QuarterValue } from "@/domain/evaluation/year-to-date";
import type { TargetRule, ValueKind } from "@/generated/prisma/enums";

type Client = Prisma.TransactionClient;

/** States in which a report is on file: read from its snapshot, not from the live rows. */
export const FROZEN_STATES: ReadonlySet<string> = new Set(["SUBMITTED", "APPROVED"]);

/**
 * The latest snapshot of each report, by report id. One statement, sent even with no report on
 * file, so that a page costs the same statements in every state.
 */
export async function latestSnapshots(db: Client, reportIds: string[]) {
  const snapshots = await db.reportSnapshot.findMany({
    where: { reportId: { in: reportIds } },
    orderBy: { takenAt: "desc" },
    select: { reportId: true, takenAt: true, data: true, planVersions: true },
  });
  const byReport = new Map<string, (typeof snapshots)[number]>();
  for (const snap of snapshots) if (!byReport.has(snap.reportId)) byReport.set(snap.reportId, snap);
  return byReport;
}

/** An indicator row as its report's snapshot holds it: what the comparison reads. */
export interface FrozenIndicatorRow {
  name: string;
  group: string;
  valueKind: ValueKind;
  measurementUnit: string | null;
  targetRule: TargetRule;
  targetValue: number | null;
  baselineValue: number | null;
  quarters: QuarterValue[];
}

/**
 * For the communes whose report of the quarter is on file: the rows named `names` as the latest
 * snapshot holds them (targets and every quarter's figures as submitted). Communes absent from
 * the result have no report on file and are read live. One statement; only the chosen rows are
 * taken out of the snapshots, in the database.
 */
export async function frozenIndicatorRows(db: Client, communeIds: string[], year: number, quarter: number, names: string[]) {
  const rows = await db.$queryRaw<{ communeId: string; indicators: FrozenIndicatorRow[] }[]>`
    with snap as (
      select distinct on (s."reportId") r."communeId", s."data"
        from "QuarterlyReport" r
        join "ReportingPeriod" rp on rp."id" = r."periodId"
        join "ReportSnapshot" s on s."reportId" = r."id"
       where r."communeId" = any(${communeIds}::text[]) and rp."year" = ${year} and rp."quarter" = ${quarter}
         and r."status"::text = any(${[...FROZEN_STATES]}::text[])
       order by s."reportId", s."takenAt" desc
    )
    select snap."communeId",
           coalesce((select jsonb_agg(i.value)
                       from jsonb_array_elements(snap."data"->'plans') p, jsonb_array_elements(p.value->'indicators') i
                      where i.value->>'name' = any(${names}::text[])), '[]'::jsonb) as "indicators"
      from snap`;
  return new Map(rows.map((r) => [r.communeId, r.indicators.map((i) => ({ ...i, quarters: i.quarters.filter((q) => q.quarter <= quarter) }))]));
}

// What "the database is unchanged" means in tests: every table's row count and an md5 of
// all its rows, plus a checksum of the figures (values and task statuses) that matter most.
import type { Db } from "@/server/db";

type Raw = Pick<Db, "$queryRawUnsafe">;

let cachedTables: string[] | null = null;

export async function tableNames(db: Raw): Promise<string[]> {
  if (cachedTables) return cachedTables;
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `select table_name::text as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> '_prisma_migrations'
      order by table_name`,
  );
  cachedTables = rows.map((r) => r.name);
  return cachedTables;
}

export type Fingerprint = Record<string, { rows: number; md5: string }>;

/** Row count and md5 of every row of every table, in one query. */
export async function dbFingerprint(db: Raw): Promise<Fingerprint> {
  const tables = await tableNames(db);
  const sql = tables
    .map((t) => `select '${t}' as t, count(*)::int as rows, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as md5 from "${t}" x`)
    .join(" union all ");
  const rows = await db.$queryRawUnsafe<{ t: string; rows: number; md5: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, { rows: Number(r.rows), md5: r.md5 }]));
}

/** Row counts only (cheaper; for reports). */
export async function rowCounts(db: Raw): Promise<Record<string, number>> {
  return Object.fromEntries(Object.entries(await dbFingerprint(db)).map(([t, v]) => [t, v.rows]));
}

/** The figures: every indicator value's numerator/denominator/value/done and every task status, by row. */
export async function figuresChecksum(db: Raw): Promise<{ values: number; progress: number; md5: string }> {
  const [row] = await db.$queryRawUnsafe<{ values: number; progress: number; md5: string }[]>(`
    select (select count(*)::int from "IndicatorValue") as values,
           (select count(*)::int from "TaskProgress") as progress,
           md5(
             coalesce((select string_agg(concat_ws(':', "indicatorId", "periodId", numerator::text, denominator::text, value::text, done::text), '|'
                         order by "indicatorId", "periodId") from "IndicatorValue"), '') || '#' ||
             coalesce((select string_agg(concat_ws(':', "taskId", "periodId", status::text, "resultText", reason), '|'
                         order by "taskId", "periodId") from "TaskProgress"), '')
           ) as md5`);
  return { values: Number(row.values), progress: Number(row.progress), md5: row.md5 };
}

/** Everything that belongs to one commune: its unit, users, plans and their rows, reports, figures, evidence, decisions, audit. */
export async function communeFingerprint(db: Raw, communeId: string): Promise<string> {
  const q = (from: string) => `coalesce((select md5(string_agg(x::text, '|' order by x::text)) from ${from}), '-')`;
  const id = communeId.replace(/'/g, "''");
  const plans = `(select id from "Plan" where "communeId" = '${id}')`;
  const reports = `(select id from "QuarterlyReport" where "communeId" = '${id}')`;
  const parts = [
    q(`"OrgUnit" x where id = '${id}'`),
    q(`"User" x where "orgUnitId" = '${id}'`),
    q(`"ResponsibleUnit" x where "communeId" = '${id}'`),
    q(`"Plan" x where "communeId" = '${id}'`),
    q(`"PlanSection" x where "planId" in ${plans}`),
    q(`"Task" x where "planId" in ${plans}`),
    q(`"Indicator" x where "planId" in ${plans}`),
    q(`"QuarterlyReport" x where "communeId" = '${id}'`),
    q(`"IndicatorValue" x where "reportId" in ${reports}`),
    q(`"TaskProgress" x where "reportId" in ${reports}`),
    q(`"Evidence" x where "communeId" = '${id}'`),
    q(`"ReviewDecision" x where "communeId" = '${id}'`),
    q(`"ReportingDeadline" x where "orgUnitId" = '${id}'`),
    q(`"Survey" x where "communeId" = '${id}'`),
    q(`"SurveyResponse" x where "surveyId" in (select id from "Survey" where "communeId" = '${id}')`),
    q(`"PublicationSetting" x where "communeId" = '${id}'`),
    q(`"AuditLog" x where "communeId" = '${id}' or "entityId" = '${id}'`),
  ];
  const [row] = await db.$queryRawUnsafe<{ fp: string }[]>(`select ${parts.join(" || ',' || ")} as fp`);
  return row.fp;
}

/** Vietnamese text as users read it: at least one letter with a Vietnamese diacritic. */
export const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

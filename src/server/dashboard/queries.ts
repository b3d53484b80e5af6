// The chairman's dashboard: the report data of the "as of" quarter (one loader, shared with
// the report page) evaluated with the domain rules, grouped the ways the chairman reads it.
import "server-only";
import type { Actor } from "@/server/auth/actor";
import { loadReportSummaries, type ReportData } from "@/server/reports/queries";
import { fetchReports } from "@/server/reports/fetch";
import { checkPeriod } from "@/server/reports/periods";
import { assertCommuneInScope } from "@/server/auth/guard";
import { pageCache } from "@/server/cache/versioned";
import { STATUS_ORDER, type IndicatorStatus } from "@/domain/evaluation/status";
import { indicatorStatusAsOf, reportJudgementDay, reportQuartersWithoutFigures, taskStatusOn, taskVerdictAsOf, type AsOfStatus } from "@/domain/evaluation/as-of";
import { quarterDisplayValue, type Quarter } from "@/domain/evaluation/year-to-date";
import { aggregateByUnit } from "@/domain/evaluation/by-unit";
import { coverage766 } from "@/domain/evaluation/decision-766";
import type { IndicatorGroup } from "@/domain/plan-import/types";
import type { TaskStatus } from "@/domain/evaluation/tasks";

export const GROUP_ORDER: IndicatorGroup[] = ["PAR_INDEX", "SIPAS", "DTI", "PCI", "ONLINE_SERVICES", "OTHER"];

/**
 * `today` is the viewing day; the period is judged as of its end (or today while it runs), and a
 * report on file as of the day it was submitted (data.snapshot), whatever day it is read.
 */
export function buildDashboard(data: ReportData, asOf: number, today: string) {
  const judgedAt = reportJudgementDay(data.year, asOf, data.snapshot?.takenAt, today);
  const unitName = new Map(data.units.map((u) => [u.id, u.name]));
  const indicators = data.plans.flatMap((plan) =>
    plan.indicators.map((ind) => {
      const quarters = ind.quarters.filter((q) => q.quarter <= asOf);
      const result: AsOfStatus = indicatorStatusAsOf(ind, quarters, asOf);
      const trend = ([1, 2, 3, 4] as Quarter[])
        .filter((q) => q <= asOf)
        .map((q) => {
          const value = quarters.find((v) => v.quarter === q);
          return { quarter: q, value: value ? quarterDisplayValue(ind, value) : null };
        });
      // Who answers for the row: the monitoring unit, or when the document names none, the first implementing unit.
      const ownerUnitId = ind.monitoringUnitId ?? ind.unitIds[0] ?? null;
      const ownerUnitName = ind.monitoringUnitId ? ind.monitoringUnitName : ownerUnitId ? (unitName.get(ownerUnitId) ?? null) : ind.monitoringUnitName;
      return { ...ind, planTitle: plan.title, result, status: result.status as IndicatorStatus, trend, ownerUnitId, ownerUnitName };
    }),
  );
  const tasks = data.plans.flatMap((plan) =>
    plan.tasks.map((task) => {
      // Judged as of the period: a task marked done after its end was not done then.
      const completedAt = task.current ? task.current.completedAt : null;
      const status = taskStatusOn((task.current?.status ?? task.previousStatus ?? null) as TaskStatus | null, completedAt, judgedAt);
      const deadline = { dueDate: task.dueDate, deadlineKind: task.deadlineKind, occurrences: task.occurrences };
      return {
        ...task,
        planTitle: plan.title,
        status,
        /** The day it was marked done, when that is after the period judged (shown beside the status). */
        doneLater: task.current?.status === "DONE" && status !== "DONE" ? completedAt : null,
        ...taskVerdictAsOf(deadline, status, data.year, asOf, judgedAt),
      };
    }),
  );
  // Sub-rows carry the figures; a parent without a target only groups them.
  const scored = indicators.filter((i) => !(i.targetRule === "NONE" && indicators.some((c) => c.parentId === i.id)));
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, scored.filter((i) => i.status === s).length])) as Record<IndicatorStatus, number>;
  const groups = GROUP_ORDER.map((group) => ({ group, indicators: scored.filter((i) => i.group === group) })).filter((g) => g.indicators.length > 0);
  const byUnit = aggregateByUnit(
    scored.map((i) => ({ id: i.id, monitoringUnitId: i.ownerUnitId, monitoringUnitName: i.ownerUnitName, status: i.status })),
    tasks.map((t) => ({ id: t.id, leadUnitId: t.leadUnitId, leadUnitName: t.leadUnitName, status: t.status, overdue: t.overdue })),
  );
  const online = coverage766(scored.filter((i) => i.group === "ONLINE_SERVICES" || i.group === "SIPAS"));
  return {
    commune: data.commune,
    /** The report of the period and, once on file, its snapshot (what changed since, newer plan versions). */
    record: { report: data.report, snapshot: data.snapshot, year: data.year, quarter: data.quarter, plans: data.plans },
    year: data.year,
    asOf,
    today,
    /** The day overdue and due-soon were judged on (see judgementDay). */
    judgedAt,
    /** Quarters up to asOf without a single figure: the year's report names them. */
    missingQuarters: reportQuartersWithoutFigures(indicators, asOf),
    counts,
    scoredCount: scored.length,
    tasks: {
      /** Every task with its latest status and deadline verdict, in plan order (for documents). */
      all: tasks,
      total: tasks.length,
      done: tasks.filter((t) => t.status === "DONE").length,
      overdue: tasks.filter((t) => t.overdue),
      dueSoon: tasks.filter((t) => t.dueSoon).sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0)),
    },
    groups,
    byUnit,
    online,
    indicators: scored,
  };
}

export type Dashboard = ReturnType<typeof buildDashboard>;

export async function loadDashboard(actor: Actor, communeId: string, year: number, asOf: number, today: string): Promise<Dashboard> {
  checkPeriod(year, asOf);
  await assertCommuneInScope(actor, communeId);
  // Many read it (the chairman, the staff, reviewers), only the commune's writes change it.
  // Without evidence, history and decisions: the dashboard shows none of them.
  return pageCache.get("dashboard", [communeId], [year, asOf, today], async () => {
    const [data] = await fetchReports([communeId], year, asOf, false);
    return buildDashboard(data, asOf, today);
  });
}

/** Dashboards of several communes from one batch of queries: the reviewer's combined workbook. */
export async function loadDashboards(actor: Actor, communeIds: string[], year: number, asOf: number, today: string) {
  const reports = await loadReportSummaries(actor, communeIds, year, asOf);
  return reports.map((data) => ({ report: data.report, dashboard: buildDashboard(data, asOf, today) }));
}

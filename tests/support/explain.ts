// Issue 17: a report is submitted only when every red row carries its cause and remedy.
// Tests about the workflow itself give every red row of a quarter a reason first.
import type { TestDb } from "./db";
import { actorFor } from "./actors";
import { loadReport } from "@/server/reports/queries";
import { buildDashboard } from "@/server/dashboard/queries";
import { RED_STATUSES } from "@/domain/reporting/explanations";
import { todayInVietnam } from "@/domain/format";

export async function explainRedRows(t: TestDb, username: string, year: number, quarter: number) {
  const actor = await actorFor(username);
  const communeId = actor.orgUnitId;
  const d = buildDashboard(await loadReport(actor, communeId, year, quarter, { details: false }), quarter, todayInVietnam());
  const period = await t.db.reportingPeriod.upsert({ where: { year_quarter: { year, quarter } }, update: {}, create: { year, quarter } });
  const report = await t.db.quarterlyReport.upsert({ where: { communeId_periodId: { communeId, periodId: period.id } }, update: {}, create: { communeId, periodId: period.id } });
  const why = { cause: "Nguyên nhân (kiểm thử)", remedy: "Giải pháp (kiểm thử)" };
  for (const ind of d.indicators.filter((i) => RED_STATUSES.has(i.status))) {
    await t.db.indicatorValue.upsert({ where: { indicatorId_periodId: { indicatorId: ind.id, periodId: period.id } }, update: why, create: { indicatorId: ind.id, periodId: period.id, reportId: report.id, ...why } });
  }
  for (const task of d.tasks.all.filter((x) => x.overdue)) {
    await t.db.taskProgress.upsert({
      where: { taskId_periodId: { taskId: task.id, periodId: period.id } },
      update: why,
      create: { taskId: task.id, periodId: period.id, reportId: report.id, status: (task.status ?? "NOT_STARTED") as "NOT_STARTED", ...why },
    });
  }
}

// Reporting completeness and timeliness for a reviewer (DHIS2's reporting rate): per quarter,
// of the communes expected to report (those with a plan that year), how many handed in, on
// time, late, not yet; per commune its record over recent quarters. A fixed number of queries.
import type { Actor } from "@/server/auth/actor";
import { communeIdsInScope } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { pageCache } from "@/server/cache/versioned";
import { calendarFor, communesByName } from "./queries";
import { firstSubmissions } from "@/server/review/queries";
import { inForceByCommuneYear, plansInForceSince } from "@/server/plans/in-force";
import { recentQuarters, timeliness, type DeadlineSource, type Timeliness } from "@/domain/calendar";

export type CompletenessCell = Timeliness;

export const CELL_LABEL: Record<CompletenessCell, string> = {
  ON_TIME: "Đúng hạn",
  LATE: "Trễ hạn",
  MISSING: "Quá hạn, chưa nộp",
  NOT_DUE: "Chưa đến hạn",
  NOT_EXPECTED: "Không phải nộp (chưa có kế hoạch hiệu lực)",
};

export const HISTORY_QUARTERS = 8;

export async function completeness(actor: Actor, year: number, quarter: number, today: string) {
  const communeIds = await communeIdsInScope(actor);
  return pageCache.get("completeness", communeIds, [year, quarter, today], () => buildCompleteness(communeIds, year, quarter, today), "status");
}

async function buildCompleteness(communeIds: string[], year: number, quarter: number, today: string) {
  const db = await getDb();
  const periods = recentQuarters(year, quarter, HISTORY_QUARTERS);
  const years = [...new Set(periods.map((p) => p.year))];
  // The communes and the units above them come with the calendar (one read of the unit tree).
  const [plans, reports, firsts, calendar, planInForce] = await Promise.all([
    db.plan.findMany({ where: { communeId: { in: communeIds }, year: { in: years } }, select: { id: true, communeId: true, year: true } }),
    db.quarterlyReport.findMany({ where: { communeId: { in: communeIds }, period: { year: { in: years } } }, select: { id: true, communeId: true, status: true, period: { select: { year: true, quarter: true } } } }),
    firstSubmissions(communeIds, years),
    calendarFor(communeIds, years),
    plansInForceSince(communeIds, years),
  ]);
  const expected = new Set(plans.map((p) => `${p.communeId}:${p.year}`));
  const inForce = inForceByCommuneYear(plans, planInForce);
  const cellOf = (communeId: string, y: number, q: number) => {
    const due = calendar.deadline(communeId, y, q);
    const report = reports.find((r) => r.communeId === communeId && r.period.year === y && r.period.quarter === q);
    const first = report ? (firsts.get(report.id) ?? null) : null;
    const cell = timeliness({ due: due.dueDate, firstSubmittedAt: first, today, hasPlan: expected.has(`${communeId}:${y}`), planInForceSince: inForce.get(`${communeId}:${y}`) ?? null });
    return { year: y, quarter: q, cell, dueDate: due.dueDate, dueSource: due.source as DeadlineSource, sourceText: due.sourceText, reportId: report?.id ?? null, status: report?.status ?? null, firstSubmittedAt: first?.toISOString() ?? null };
  };
  const rows = communesByName(calendar.chains).map((c) => ({ id: c.id, name: c.name, parentName: c.parentName, history: periods.map((p) => cellOf(c.id, p.year, p.quarter)) }));
  const summary = periods.map((p, i) => {
    const cells = rows.map((r) => r.history[i]).filter((h) => h.cell !== "NOT_EXPECTED");
    const onTime = cells.filter((h) => h.cell === "ON_TIME").length;
    const late = cells.filter((h) => h.cell === "LATE").length;
    const total = cells.length;
    return {
      ...p,
      expected: total,
      submitted: onTime + late,
      onTime,
      late,
      notYet: total - onTime - late,
      overdue: cells.filter((h) => h.cell === "MISSING").length,
      submittedPct: total ? ((onTime + late) / total) * 100 : null,
      onTimePct: total ? (onTime / total) * 100 : null,
    };
  });
  return { periods, rows, summary, current: summary[summary.length - 1] };
}

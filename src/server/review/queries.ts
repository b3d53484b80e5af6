// What a reviewer sees: every commune under their unit, with the year's plans and the four
// quarterly reports, their status, submission dates, deadlines and lateness.
import "server-only";
import type { Actor } from "@/server/auth/actor";
import { assertCommuneInScope, communeIdsInScope } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import type { SubmissionStatus } from "@/domain/reporting/workflow";
import { calendarFor, communesByName } from "@/server/calendar/queries";
import { timeliness } from "@/domain/calendar";
import { pageCache, type VersionCounter } from "@/server/cache/versioned";
import { inForceByCommuneYear, plansInForceSince } from "@/server/plans/in-force";

export async function yearsWithPlans(communeIds: string[]): Promise<number[]> {
  const db = await getDb();
  const rows = await db.plan.findMany({ where: { communeId: { in: communeIds } }, distinct: ["year"], select: { year: true }, orderBy: { year: "desc" } });
  return rows.map((r) => r.year);
}

export type CellState = "NONE" | SubmissionStatus;

export async function reviewMatrix(actor: Actor, year: number, today: string) {
  const communeIds = await communeIdsInScope(actor);
  // Read by every reviewer many times a day; shows statuses only, so draft saves keep it cached.
  return pageCache.get("matrix", communeIds, [year, today], () => buildMatrix(communeIds, year, today), "status");
}

async function buildMatrix(communeIds: string[], year: number, today: string) {
  const db = await getDb();
  // The communes and the units above them come with the calendar (one read of the unit tree).
  const [plans, reports, calendar, firstSubmits, planInForce] = await Promise.all([
    db.plan.findMany({
      where: { communeId: { in: communeIds }, year },
      orderBy: { createdAt: "asc" },
      select: { id: true, communeId: true, title: true, status: true, submittedAt: true },
    }),
    db.quarterlyReport.findMany({
      where: { communeId: { in: communeIds }, period: { year } },
      select: { id: true, communeId: true, status: true, submittedAt: true, period: { select: { quarter: true } } },
    }),
    // The one source of due dates: the reporting calendar (province, district, default rule).
    calendarFor(communeIds, [year]),
    firstSubmissions(communeIds, year),
    plansInForceSince(communeIds, [year]),
  ]);
  const reportOf = new Map(reports.map((r) => [`${r.communeId}:${r.period.quarter}`, r]));
  const provinceOf = new Map(calendar.chains.map((c) => [c.communeId, c.province]));
  const inForce = inForceByCommuneYear(plans.map((p) => ({ ...p, year })), planInForce);
  const plansOf = new Map<string, typeof plans>();
  for (const p of plans) plansOf.set(p.communeId, [...(plansOf.get(p.communeId) ?? []), p]);
  const rows = communesByName(calendar.chains).map((c) => {
    // Where the province does not review commune plans, a "submitted" plan is issued and in force, not waiting.
    const reviewsPlans = provinceOf.get(c.id)?.reviewsPlans ?? true;
    const quarters = [1, 2, 3, 4].map((q) => {
      const r = reportOf.get(`${c.id}:${q}`);
      const state: CellState = r?.status ?? "NONE";
      const due = calendar.deadline(c.id, year, q);
      const submittedAt = r?.submittedAt?.toISOString() ?? null;
      const first = r ? (firstSubmits.get(r.id) ?? null) : null;
      const timely = timeliness({ due: due.dueDate, firstSubmittedAt: first, today, hasPlan: plansOf.has(c.id), planInForceSince: inForce.get(`${c.id}:${year}`) ?? null });
      return { quarter: q, reportId: r?.id ?? null, state, submittedAt, dueDate: due.dueDate, dueSource: due.source, timeliness: timely, late: timely === "LATE" || timely === "MISSING" };
    });
    return {
      id: c.id,
      name: c.name,
      parentId: c.parentId,
      parentName: c.parentName,
      plans: (plansOf.get(c.id) ?? []).map((p) => ({ ...p, submittedAt: p.submittedAt?.toISOString() ?? null, waiting: p.status === "SUBMITTED" && reviewsPlans })),
      quarters,
    };
  });
  // The chips above the matrix count its report cells (commune × quarter of this year), so that
  // each equals the cells showing that state; plans waiting are counted apart.
  const counts: Record<CellState, number> = { NONE: 0, DRAFT: 0, SUBMITTED: 0, APPROVED: 0, RETURNED: 0 };
  let late = 0;
  let plansWaiting = 0;
  for (const r of rows) {
    for (const q of r.quarters) {
      counts[q.state]++;
      if (q.late) late++;
    }
    plansWaiting += r.plans.filter((p) => p.waiting).length;
  }
  return { rows, counts, late, plansWaiting };
}

/**
 * When each report of the year was first handed in (a returned and resubmitted report keeps
 * its first date for timeliness): one grouped query over the decisions.
 */
export async function firstSubmissions(communeIds: string[], year: number | number[]): Promise<Map<string, Date>> {
  const db = await getDb();
  const rows = await db.reviewDecision.groupBy({
    by: ["reportId"],
    where: { communeId: { in: communeIds }, action: "submit", report: { period: { year: Array.isArray(year) ? { in: year } : year } } },
    _min: { createdAt: true },
  });
  return new Map(rows.filter((r) => r.reportId && r._min.createdAt).map((r) => [r.reportId!, r._min.createdAt!]));
}

/** Decisions on a plan or report of `communeId`, newest first, with row comments: both sides read this. */
export async function decisionHistory(actor: Actor, subject: { planId?: string; reportId?: string; communeId: string }) {
  await assertCommuneInScope(actor, subject.communeId);
  return decisionsOf(subject);
}

/** The communes' plan years a reviewer (or a commune) may pick from, newest first. */
/**
 * The years a reviewer's pages offer, cached with the page that asks (issue 21): under the
 * counter that page reads, so in a render it costs no statement of its own. Both counters
 * move when a plan is added or deleted or changes year.
 */
export async function yearsInScope(actor: Actor, counter: VersionCounter = "data"): Promise<number[]> {
  const communeIds = await communeIdsInScope(actor);
  return pageCache.get("years", communeIds, [], () => yearsWithPlans(communeIds), counter);
}

/** decisionHistory for a loader that has already checked the commune (loadReport). */
export async function decisionsOf(subject: { planId?: string; reportId?: string }) {
  const db = await getDb();
  const decisions = await db.reviewDecision.findMany({
    where: subject.planId ? { planId: subject.planId } : { reportId: subject.reportId },
    orderBy: { createdAt: "desc" },
    include: { rowComments: true },
  });
  const users = await db.user.findMany({ where: { id: { in: [...new Set(decisions.map((d) => d.userId))] } }, select: { id: true, fullName: true, role: true } });
  return decisions.map((d) => ({
    id: d.id,
    action: d.action,
    fromStatus: d.fromStatus,
    toStatus: d.toStatus,
    comment: d.comment,
    at: d.createdAt.toISOString(),
    by: users.find((u) => u.id === d.userId)?.fullName ?? "",
    rowComments: d.rowComments.map((r) => ({ indicatorId: r.indicatorId, taskId: r.taskId, comment: r.comment })),
  }));
}

export type DecisionHistory = Awaited<ReturnType<typeof decisionsOf>>;

/** The report a reviewer opens: checks scope, returns its commune and period. */
export async function reportForReview(actor: Actor, reportId: string) {
  const db = await getDb();
  const report = await db.quarterlyReport.findUnique({ where: { id: reportId }, include: { period: true } });
  if (!report) return null;
  await assertCommuneInScope(actor, report.communeId);
  return report;
}

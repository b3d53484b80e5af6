// What a reviewer sees: every commune under their unit, with the year's plans and the four
// quarterly reports, their status, submission dates, deadlines and lateness.
import "server-only";
import type { Actor } from "@/server/auth/actor";
import { assertCommuneInScope, communeIdsInScope } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import type { SubmissionStatus } from "@/domain/reporting/workflow";

export async function yearsWithPlans(communeIds: string[]): Promise<number[]> {
  const db = await getDb();
  const rows = await db.plan.findMany({ where: { communeId: { in: communeIds } }, distinct: ["year"], select: { year: true }, orderBy: { year: "desc" } });
  return rows.map((r) => r.year);
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

export type CellState = "NONE" | SubmissionStatus;

/** Late: past the deadline and not submitted, or submitted after it. */
export function isLate(state: CellState, submittedAt: string | null, dueDate: string | null, today: string): boolean {
  if (!dueDate) return false;
  if (state === "NONE" || state === "DRAFT") return today > dueDate;
  return !!submittedAt && submittedAt.slice(0, 10) > dueDate;
}

export async function reviewMatrix(actor: Actor, year: number, today: string) {
  const db = await getDb();
  const communeIds = await communeIdsInScope(actor);
  const [communes, plans, reports, deadlines] = await Promise.all([
    db.orgUnit.findMany({
      where: { id: { in: communeIds } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, parentId: true, parent: { select: { id: true, name: true, parentId: true } } },
    }),
    db.plan.findMany({
      where: { communeId: { in: communeIds }, year },
      orderBy: { createdAt: "asc" },
      select: { id: true, communeId: true, title: true, status: true, submittedAt: true },
    }),
    db.quarterlyReport.findMany({
      where: { communeId: { in: communeIds }, period: { year } },
      select: { id: true, communeId: true, status: true, submittedAt: true, period: { select: { quarter: true } } },
    }),
    db.reportingDeadline.findMany({ where: { year }, select: { orgUnitId: true, quarter: true, dueDate: true } }),
  ]);
  const deadlineOf = (unitIds: (string | null | undefined)[], quarter: number) => {
    // The nearest unit above the commune that set a deadline decides it.
    for (const id of unitIds) {
      const d = deadlines.find((x) => x.orgUnitId === id && x.quarter === quarter);
      if (d) return iso(d.dueDate);
    }
    return null;
  };
  const rows = communes.map((c) => {
    const ancestors = [c.parentId, c.parent?.parentId];
    const quarters = [1, 2, 3, 4].map((q) => {
      const r = reports.find((x) => x.communeId === c.id && x.period.quarter === q);
      const state: CellState = r?.status ?? "NONE";
      const dueDate = deadlineOf(ancestors, q);
      const submittedAt = r?.submittedAt?.toISOString() ?? null;
      return { quarter: q, reportId: r?.id ?? null, state, submittedAt, dueDate, late: isLate(state, submittedAt, dueDate, today) };
    });
    return {
      id: c.id,
      name: c.name,
      parentName: c.parent?.name ?? null,
      plans: plans.filter((p) => p.communeId === c.id).map((p) => ({ ...p, submittedAt: p.submittedAt?.toISOString() ?? null })),
      quarters,
    };
  });
  const counts: Record<CellState, number> = { NONE: 0, DRAFT: 0, SUBMITTED: 0, APPROVED: 0, RETURNED: 0 };
  let late = 0;
  for (const r of rows) {
    for (const q of r.quarters) {
      counts[q.state]++;
      if (q.late) late++;
    }
    for (const p of r.plans) counts[p.status]++;
  }
  const ownDeadlines = deadlines.filter((d) => d.orgUnitId === actor.orgUnitId).map((d) => ({ quarter: d.quarter, dueDate: iso(d.dueDate)! }));
  return { rows, counts, late, ownDeadlines };
}

/** Decisions on a plan or report of `communeId`, newest first, with row comments: both sides read this. */
export async function decisionHistory(actor: Actor, subject: { planId?: string; reportId?: string; communeId: string }) {
  await assertCommuneInScope(actor, subject.communeId);
  return decisionsOf(subject);
}

/** The communes' plan years a reviewer (or a commune) may pick from, newest first. */
export async function yearsInScope(actor: Actor): Promise<number[]> {
  return yearsWithPlans(await communeIdsInScope(actor));
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

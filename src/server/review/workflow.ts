// The one implementation of the submission workflow for plans and quarterly reports:
// who may move a submission, from which state, with which comment; every step recorded.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/guard";
import type { Permission } from "@/domain/policy";
import { audit } from "@/server/audit";
import { ForbiddenError, NotFoundError, UserError } from "@/server/errors";
import { notifyTransition } from "@/server/notifications/transitions";
import { takeReportSnapshot } from "@/server/reports/snapshot";
import { bringPlanIntoForce, provinceReviewsPlans, refuseReportWithoutPlanInForce } from "@/server/plans/in-force";
import { transitionActor, transitionError, transitionTarget, type Transition } from "@/domain/reporting/workflow";

type Tx = Prisma.TransactionClient;

export type Subject = { type: "plan"; id: string } | { type: "report"; id: string };

export interface RowComment {
  indicatorId?: string | null;
  taskId?: string | null;
  comment: string;
}

export interface TransitionInput {
  subject: Subject;
  transition: Transition;
  comment?: string | null;
  rowComments?: RowComment[];
  /** Checks of the subject's content, run only once the caller is known to be in scope. */
  contentCheck?: () => Promise<void>;
}

async function lockSubject(tx: Tx, subject: Subject) {
  if (subject.type === "plan") {
    await tx.$queryRaw`select id from "Plan" where id = ${subject.id} for update`;
    const plan = await tx.plan.findUnique({ where: { id: subject.id }, select: { id: true, communeId: true, status: true, year: true } });
    if (!plan) throw new NotFoundError("Không tìm thấy kế hoạch.");
    return { communeId: plan.communeId, status: plan.status, year: plan.year, planIds: [plan.id] };
  }
  await tx.$queryRaw`select id from "QuarterlyReport" where id = ${subject.id} for update`;
  const report = await tx.quarterlyReport.findUnique({ where: { id: subject.id }, select: { id: true, communeId: true, status: true, period: { select: { year: true } } } });
  if (!report) throw new NotFoundError("Không tìm thấy báo cáo.");
  const plans = await tx.plan.findMany({ where: { communeId: report.communeId, year: report.period.year }, select: { id: true } });
  return { communeId: report.communeId, status: report.status, year: report.period.year, planIds: plans.map((p) => p.id) };
}

async function checkActor(tx: Tx, actor: Actor, subject: Subject, transition: Transition, communeId: string) {
  const submit: Permission = subject.type === "plan" ? "plan.submit" : "report.submit";
  await assertCan(actor, transitionActor(transition) === "commune" ? submit : "review.decide", communeId, tx);
}

/** Row comments must name rows of the plans this submission covers. */
async function checkRows(tx: Tx, planIds: string[], rows: RowComment[]) {
  const indicatorIds = rows.map((r) => r.indicatorId).filter(Boolean) as string[];
  const taskIds = rows.map((r) => r.taskId).filter(Boolean) as string[];
  const [indicators, tasks] = await Promise.all([
    tx.indicator.count({ where: { id: { in: indicatorIds }, planId: { in: planIds } } }),
    tx.task.count({ where: { id: { in: taskIds }, planId: { in: planIds } } }),
  ]);
  if (indicators !== new Set(indicatorIds).size || tasks !== new Set(taskIds).size) {
    throw new ForbiddenError("Có ý kiến gắn với dòng không thuộc hồ sơ này.");
  }
}

export async function applyTransition(tx: Tx, actor: Actor, input: TransitionInput) {
  const subject = await lockSubject(tx, input.subject);
  // Scope first: nothing about a subject outside the caller's scope (not even whether it is
  // empty or in which state it is) may reach the answer.
  await checkActor(tx, actor, input.subject, input.transition, subject.communeId);
  if (input.contentCheck) await input.contentCheck();
  const error = transitionError(input.transition, subject.status);
  if (error) throw new UserError(error);
  const comment = input.comment?.trim() || null;
  if (input.transition === "return" && !comment) throw new UserError("Trả lại phải có ý kiến chung.", { comment: "Nhập ý kiến chung khi trả lại." });
  if (input.transition === "reopen" && !comment) throw new UserError("Mở lại hồ sơ đã duyệt phải nêu lý do.", { comment: "Nêu lý do mở lại." });
  if (input.transition === "amend" && input.subject.type !== "plan") throw new UserError("Chỉ điều chỉnh được kế hoạch.");
  if (input.transition === "amend" && !comment) throw new UserError("Điều chỉnh kế hoạch phải nêu lý do.", { comment: "Nêu lý do điều chỉnh." });
  if (input.subject.type === "report" && input.transition === "submit") await refuseReportWithoutPlanInForce(tx, subject.communeId, subject.year);
  const rowComments = (input.rowComments ?? []).filter((r) => r.comment.trim());
  if (rowComments.length && input.transition !== "return") throw new UserError("Ý kiến theo dòng chỉ dùng khi trả lại.");
  await checkRows(tx, subject.planIds, rowComments);

  const to = transitionTarget(input.transition);
  const now = new Date();
  const stamps = input.transition === "submit" ? { submittedAt: now } : { decidedAt: now };
  if (input.subject.type === "plan") {
    await tx.plan.update({ where: { id: input.subject.id }, data: { status: to, ...stamps, version: { increment: 1 } } });
    // Issue 14: approved (or issued where the province does not review plans) -> in force, version kept.
    if (input.transition === "approve" || (input.transition === "submit" && !(await provinceReviewsPlans(tx, subject.communeId)))) {
      await bringPlanIntoForce(tx, input.subject.id, actor.id, now);
    }
  } else {
    await tx.quarterlyReport.update({ where: { id: input.subject.id }, data: { status: to, ...stamps, version: { increment: 1 } } });
    // Issue 14: submitting freezes what the report says; approving keeps it, returning reopens the live rows.
    if (input.transition === "submit") await takeReportSnapshot(tx, input.subject.id, actor.id, now);
  }
  const decision = await tx.reviewDecision.create({
    data: {
      communeId: subject.communeId,
      planId: input.subject.type === "plan" ? input.subject.id : null,
      reportId: input.subject.type === "report" ? input.subject.id : null,
      action: input.transition,
      fromStatus: subject.status,
      toStatus: to,
      comment,
      userId: actor.id,
      rowComments: { create: rowComments.map((r) => ({ indicatorId: r.indicatorId ?? null, taskId: r.taskId ?? null, comment: r.comment.trim() })) },
    },
  });
  await audit(tx, {
    userId: actor.id,
    communeId: subject.communeId,
    entity: input.subject.type === "plan" ? "Plan" : "QuarterlyReport",
    entityId: input.subject.id,
    action: input.transition,
    before: { status: subject.status },
    after: { status: to, comment, rowComments: rowComments.length },
  });
  // The notices of this step commit with it (issue 16).
  await notifyTransition(tx, { subject: input.subject, transition: input.transition, communeId: subject.communeId, decisionId: decision.id, comment });
  return { decisionId: decision.id, status: to };
}

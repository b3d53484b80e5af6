// Which plans a user may change: only their own commune's, and only while the plan is a
// draft or has been returned for correction. Shared by the import and the editing actions.
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import { ForbiddenError, NotFoundError, UserError } from "@/server/errors";
import { isEditable } from "@/domain/reporting/workflow";

type Tx = Prisma.TransactionClient;

/** The commune a plan is written for: the user's own, never one named by the browser. */
export function planCommuneOf(actor: Actor): string {
  if (actor.orgLevel !== "COMMUNE") throw new ForbiddenError("Chỉ cán bộ xã được lập và sửa kế hoạch của xã.");
  return actor.orgUnitId;
}

export function planLockedMessage(status: string): string | null {
  if (status === "SUBMITTED") return "Kế hoạch đã nộp, đang chờ cấp trên xét duyệt: không thể sửa.";
  if (status === "APPROVED") return "Kế hoạch đã được duyệt, không thể sửa.";
  return null;
}

/**
 * The plan, locked for the rest of the transaction so that a submit (or another edit) cannot
 * slip in between these checks and the writes; refuses another commune's plan and a plan
 * that is submitted or approved.
 */
export async function editablePlan(tx: Tx, actor: Actor, planId: string) {
  const communeId = planCommuneOf(actor);
  await tx.$queryRaw`select id from "Plan" where id = ${planId} for update`;
  const plan = await tx.plan.findUnique({ where: { id: planId } });
  if (!plan) throw new NotFoundError("Không tìm thấy kế hoạch.");
  if (plan.communeId !== communeId) throw new ForbiddenError("Bạn chỉ được xem và thay đổi kế hoạch của xã mình.");
  if (!isEditable(plan.status)) throw new UserError(planLockedMessage(plan.status) ?? "Kế hoạch không thể sửa.");
  return plan;
}

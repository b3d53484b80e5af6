// Which plans a user may change: only their own commune's, and only while the plan is a
// draft or has been returned for correction. Shared by the import and the editing actions.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import { ForbiddenError, NotFoundError, UserError } from "@/server/errors";
import { isEditable } from "@/domain/reporting/workflow";
import { refusal } from "@/domain/policy";
import { ownCommuneOf } from "@/server/auth/guard";

type Tx = Prisma.TransactionClient;


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
  ownCommuneOf(actor, "plan.write");
  await tx.$queryRaw`select id from "Plan" where id = ${planId} for update`;
  const plan = await tx.plan.findUnique({ where: { id: planId } });
  if (!plan) throw new NotFoundError("Không tìm thấy kế hoạch.");
  const why = refusal(actor, "plan.write", { communeId: plan.communeId });
  if (why) throw new ForbiddenError(why);
  if (!isEditable(plan.status)) throw new UserError(planLockedMessage(plan.status) ?? "Kế hoạch không thể sửa.");
  return plan;
}

// The notices of a workflow step (submit, approve, return, reopen), created in the step's
// own transaction by applyTransition.
import type { Prisma } from "@/generated/prisma/client";
import type { Transition } from "@/domain/reporting/workflow";
import { notifyEvent } from "./notify";

type Tx = Prisma.TransactionClient;

// An amendment is the commune's own step (its plan goes back to it for editing): nobody else is told until it is submitted again.
const PAST: Record<Exclude<Transition, "amend">, "submitted" | "approved" | "returned" | "reopened"> = { submit: "submitted", approve: "approved", return: "returned", reopen: "reopened" };

export async function notifyTransition(
  tx: Tx,
  step: { subject: { type: "plan" | "report"; id: string }; transition: Transition; communeId: string; decisionId: string; comment: string | null },
): Promise<number> {
  if (step.transition === "amend") return 0;
  const transition = step.transition;
  const commune = await tx.orgUnit.findUniqueOrThrow({ where: { id: step.communeId }, select: { name: true } });
  const base = { communeId: step.communeId, communeName: commune.name, decisionId: step.decisionId, comment: step.comment };
  if (step.subject.type === "report") {
    const r = await tx.quarterlyReport.findUniqueOrThrow({ where: { id: step.subject.id }, select: { period: { select: { year: true, quarter: true } } } });
    return notifyEvent(tx, { ...base, kind: `report.${PAST[transition]}`, reportId: step.subject.id, year: r.period.year, quarter: r.period.quarter });
  }
  const p = await tx.plan.findUniqueOrThrow({ where: { id: step.subject.id }, select: { title: true } });
  return notifyEvent(tx, { ...base, kind: `plan.${PAST[transition]}`, planId: step.subject.id, planTitle: p.title });
}

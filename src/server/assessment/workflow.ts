// Moving an assessment through its workflow: the step is checked against the domain rules,
// recorded as a ReviewDecision (the same history plans and reports keep), a snapshot of the
// scores and evidence as they stood is kept, and the change is audited; one transaction.
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import { audit } from "@/server/audit";
import { UserError } from "@/server/errors";
import { todayInVietnam } from "@/domain/format";
import { stepError, stepTarget, type AssessmentStep } from "@/domain/assessment";

type Tx = Prisma.TransactionClient;

interface Locked {
  id: string;
  communeId: string;
  status: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED";
  appraisedAt: Date | null;
  explainDueDate: Date | null;
}

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function assertStep(a: Locked, step: AssessmentStep) {
  const error = stepError(step, { status: a.status, appraised: !!a.appraisedAt, explainDueDate: iso(a.explainDueDate) }, todayInVietnam());
  if (error) throw new UserError(error);
}

async function snapshot(tx: Tx, assessmentId: string) {
  const scores = await tx.assessmentScore.findMany({
    where: { assessmentId },
    include: { subCriterion: { select: { code: true, criterion: { select: { area: { select: { code: true } } } } } }, evidence: { select: { evidenceId: true } } },
  });
  return scores
    .map((s) => ({
      code: `${s.subCriterion.criterion.area.code}.${s.subCriterion.code}`,
      self: s.selfScore === null ? null : Number(s.selfScore),
      note: s.selfNote,
      appraised: s.appraisedScore === null ? null : Number(s.appraisedScore),
      comment: s.appraisalComment,
      explanation: s.explanation,
      decision: s.decision,
      final: s.finalScore === null ? null : Number(s.finalScore),
      evidence: s.evidence.map((e) => e.evidenceId).sort(),
    }))
    .sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }));
}

export async function applyAssessmentStep(tx: Tx, actor: Actor, a: Locked, step: AssessmentStep, extra: { comment?: string | null; data?: Prisma.AssessmentUpdateInput } = {}) {
  assertStep(a, step);
  const to = stepTarget(step);
  const now = new Date();
  const stamps: Prisma.AssessmentUpdateInput =
    step === "submit" ? { submittedAt: now } : step === "appraise" ? { appraisedAt: now } : step === "explain" ? { explainedAt: now } : { finalizedAt: now };
  await tx.assessment.update({ where: { id: a.id }, data: { status: to, ...stamps, ...extra.data, version: { increment: 1 } } });
  const decision = await tx.reviewDecision.create({
    data: { communeId: a.communeId, assessmentId: a.id, action: `assessment.${step}`, fromStatus: a.status, toStatus: to, comment: extra.comment ?? null, userId: actor.id },
  });
  await tx.assessmentSnapshot.create({ data: { assessmentId: a.id, decisionId: decision.id, data: (await snapshot(tx, a.id)) as unknown as Prisma.InputJsonValue } });
  await audit(tx, { userId: actor.id, communeId: a.communeId, entity: "Assessment", entityId: a.id, action: step, before: { status: a.status }, after: { status: to, comment: extra.comment ?? null } });
  return { status: to, decisionId: decision.id };
}

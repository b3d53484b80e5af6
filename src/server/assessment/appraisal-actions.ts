"use server";

// The province's side: appraised score and comment per sub-criterion (and the score of the
// sub-criteria it scores itself, e.g. surveys), the appraisal sent with a deadline for the
// commune's explanations, a decision on each explanation, and the final, locked score, which
// becomes the value of the plan's PAR Index indicator for the year.
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import { runAction } from "@/server/action";
import { audit } from "@/server/audit";
import { getDb } from "@/server/db";
import { ConflictError, ForbiddenError, UserError } from "@/server/errors";
import { revalidate } from "@/server/revalidate";
import type { z } from "@/server/validation";
import { addScores, finalScoreOf, scoreError } from "@/domain/assessment";
import { lockAssessment } from "./access";
import { applyAssessmentStep, assertStep } from "./workflow";
import { appraisalSchema, assessmentRefSchema, decideSchema, sendAppraisalSchema } from "./schemas";

type Tx = Prisma.TransactionClient;

async function tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.$transaction(fn, { timeout: 30_000 });
}

const path = (id: string) => `/cham-diem/${id}`;
const codeOf = (s: { code: string; criterion: { area: { code: string } } }) => `${s.criterion.area.code}.${s.code}`;
const subSelect = { select: { code: true, maxPoints: true, allowHalf: true, scoredBy: true, criterion: { select: { area: { select: { code: true } } } } } } as const;

/** Saves appraised scores while the self-assessment awaits appraisal. */
export async function saveAppraisal(input: z.input<typeof appraisalSchema>) {
  return runAction("assessment.appraise", appraisalSchema, input, async (actor, data) => {
    await tx(async (t) => {
      const a = await lockAssessment(t, actor, data.assessmentId, "reviewer");
      assertStep(a, "appraise");
      const ids = data.rows.map((r) => r.scoreId);
      const scores = await t.assessmentScore.findMany({ where: { id: { in: ids }, assessmentId: a.id }, include: { subCriterion: subSelect } });
      if (scores.length !== new Set(ids).size) throw new ForbiddenError("Có tiêu chí không thuộc bản chấm điểm này.");
      const stale: string[] = [];
      for (const row of data.rows) {
        const s = scores.find((x) => x.id === row.scoreId)!;
        if (s.version !== row.version) stale.push(codeOf(s.subCriterion));
        if (row.appraisedScore !== null) {
          const err = scoreError(row.appraisedScore, { maxPoints: Number(s.subCriterion.maxPoints), allowHalf: s.subCriterion.allowHalf });
          if (err) throw new UserError(`Tiêu chí ${codeOf(s.subCriterion)}: ${err}`);
        }
      }
      if (stale.length) throw new ConflictError(`Tiêu chí ${stale.slice(0, 5).join(", ")} vừa được người khác sửa. Tải lại trang.`);
      for (const row of data.rows) {
        const s = scores.find((x) => x.id === row.scoreId)!;
        const before = { appraisedScore: s.appraisedScore === null ? null : Number(s.appraisedScore), comment: s.appraisalComment };
        const after = { appraisedScore: row.appraisedScore, comment: row.comment };
        if (JSON.stringify(before) === JSON.stringify(after)) continue;
        await t.assessmentScore.update({ where: { id: s.id }, data: { appraisedScore: row.appraisedScore, appraisalComment: row.comment, version: { increment: 1 }, updatedById: actor.id } });
        await audit(t, { userId: actor.id, communeId: a.communeId, entity: "AssessmentScore", entityId: s.id, action: "appraise.save", before, after });
      }
    });
    revalidate(path(data.assessmentId));
    return null;
  }, "Đã lưu điểm thẩm định.");
}

/** Sends the appraisal to the commune with the date by which it may explain. */
export async function sendAppraisal(input: z.input<typeof sendAppraisalSchema>) {
  return runAction("assessment.appraise", sendAppraisalSchema, input, async (actor, data) => {
    const result = await tx(async (t) => {
      const a = await lockAssessment(t, actor, data.assessmentId, "reviewer");
      const missing = await t.assessmentScore.findMany({ where: { assessmentId: a.id, appraisedScore: null }, orderBy: { subCriterion: { position: "asc" } }, include: { subCriterion: subSelect } });
      assertStep(a, "appraise");
      if (missing.length) throw new UserError(`Còn ${missing.length} tiêu chí chưa có điểm thẩm định: ${missing.slice(0, 8).map((s) => codeOf(s.subCriterion)).join(", ")}.`);
      return applyAssessmentStep(t, actor, a, "appraise", { comment: data.comment, data: { explainDueDate: new Date(`${data.explainDueDate}T00:00:00Z`) } });
    });
    revalidate(path(data.assessmentId));
    return result;
  }, "Đã gửi kết quả thẩm định cho xã.");
}

/** Decides each explanation: accept the commune's score, or keep the appraised one. */
export async function decideExplanations(input: z.input<typeof decideSchema>) {
  return runAction("assessment.appraise", decideSchema, input, async (actor, data) => {
    await tx(async (t) => {
      const a = await lockAssessment(t, actor, data.assessmentId, "reviewer");
      if (!(a.status === "SUBMITTED" && a.appraisedAt)) throw new UserError("Chỉ quyết định khi xã đã gửi giải trình.");
      const scores = await t.assessmentScore.findMany({ where: { id: { in: data.rows.map((r) => r.scoreId) }, assessmentId: a.id } });
      if (scores.length !== new Set(data.rows.map((r) => r.scoreId)).size) throw new ForbiddenError("Có tiêu chí không thuộc bản chấm điểm này.");
      for (const row of data.rows) {
        const s = scores.find((x) => x.id === row.scoreId)!;
        if (!s.explanation) throw new UserError("Chỉ quyết định với tiêu chí có giải trình.");
        await t.assessmentScore.update({ where: { id: s.id }, data: { decision: row.decision, decisionComment: row.comment, version: { increment: 1 }, updatedById: actor.id } });
        await audit(t, { userId: actor.id, communeId: a.communeId, entity: "AssessmentScore", entityId: s.id, action: "explain.decide", before: { decision: s.decision }, after: { decision: row.decision, comment: row.comment } });
      }
    });
    revalidate(path(data.assessmentId));
    return null;
  }, "Đã lưu quyết định.");
}

/** The final score becomes the Q4 value of the commune's PAR Index indicator of that year, noted as from the appraisal. */
async function feedParIndicator(t: Tx, actor: Actor, communeId: string, year: number, total: number, setTitle: string): Promise<string | null> {
  const indicator = await t.indicator.findFirst({ where: { group: "PAR_INDEX", parentId: null, plan: { communeId, year } }, orderBy: [{ plan: { createdAt: "asc" } }, { position: "asc" }] });
  if (!indicator) return null;
  const period = await t.reportingPeriod.upsert({ where: { year_quarter: { year, quarter: 4 } }, update: {}, create: { year, quarter: 4 } });
  const report = await t.quarterlyReport.upsert({ where: { communeId_periodId: { communeId, periodId: period.id } }, update: {}, create: { communeId, periodId: period.id } });
  const note = `Điểm chính thức theo kết quả thẩm định Chỉ số CCHC năm ${year} (${setTitle}).`;
  const before = await t.indicatorValue.findUnique({ where: { indicatorId_periodId: { indicatorId: indicator.id, periodId: period.id } } });
  const value = await t.indicatorValue.upsert({
    where: { indicatorId_periodId: { indicatorId: indicator.id, periodId: period.id } },
    update: { value: total, note, version: { increment: 1 }, updatedById: actor.id },
    create: { indicatorId: indicator.id, periodId: period.id, reportId: report.id, value: total, note, updatedById: actor.id },
  });
  await audit(t, { userId: actor.id, communeId, entity: "IndicatorValue", entityId: value.id, action: "assessment.final", before: before ? { value: before.value === null ? null : Number(before.value), note: before.note } : null, after: { value: total, note } });
  return indicator.id;
}

/** Locks the final score and publishes it in the ranking. */
export async function finalizeAssessment(input: z.input<typeof assessmentRefSchema>) {
  return runAction("assessment.appraise", assessmentRefSchema, input, async (actor, data) => {
    const result = await tx(async (t) => {
      const a = await lockAssessment(t, actor, data.assessmentId, "reviewer");
      assertStep(a, "finalize");
      const scores = await t.assessmentScore.findMany({ where: { assessmentId: a.id }, orderBy: { subCriterion: { position: "asc" } }, include: { subCriterion: subSelect } });
      const explained = a.status === "SUBMITTED";
      const undecided = explained ? scores.filter((s) => s.explanation && s.decision === null).map((s) => codeOf(s.subCriterion)) : [];
      if (undecided.length) throw new UserError(`Còn giải trình chưa quyết định: ${undecided.slice(0, 8).join(", ")}.`);
      const finals: number[] = [];
      for (const s of scores) {
        const self = s.subCriterion.scoredBy === "PROVINCE" ? null : s.selfScore === null ? null : Number(s.selfScore);
        const appraised = s.appraisedScore === null ? null : Number(s.appraisedScore);
        const decision = explained && s.explanation ? s.decision : null;
        const final = s.subCriterion.scoredBy === "PROVINCE" ? appraised : finalScoreOf({ selfScore: self, appraisedScore: appraised, decision });
        finals.push(final ?? 0);
        await t.assessmentScore.update({ where: { id: s.id }, data: { finalScore: final ?? 0 } });
      }
      const total = addScores(finals);
      const step = await applyAssessmentStep(t, actor, a, "finalize", { data: { finalTotal: total } });
      const indicatorId = await feedParIndicator(t, actor, a.communeId, a.set.year, total, a.set.title);
      return { ...step, total, indicatorId };
    });
    revalidate(path(data.assessmentId));
    revalidate("/cham-diem/ket-qua");
    return result;
  }, "Đã chốt và công bố điểm chính thức.");
}

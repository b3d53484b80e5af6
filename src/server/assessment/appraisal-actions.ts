"use server";

// The province's side: appraised score and comment per sub-criterion (and the score of the
// sub-criteria it scores itself, e.g. surveys), the appraisal sent with a deadline for the
// commune's explanations, a decision on each explanation, and the final, locked score, which
// becomes the value of the plan's PAR Index indicator for the year.
import { audit } from "@/server/audit";
import { ConflictError, ForbiddenError, UserError } from "@/server/errors";
import type { z } from "@/server/validation";
import { addScores, finalScoreOf, scoreError } from "@/domain/assessment";
import { feedParIndicator } from "./par-feed";
import { assessmentAction, codeOf } from "./run";
import { applyAssessmentStep, assertStep } from "./workflow";
import { appraisalSchema, assessmentRefSchema, decideSchema, sendAppraisalSchema } from "./schemas";

const subSelect = { select: { code: true, maxPoints: true, allowHalf: true, scoredBy: true, criterion: { select: { area: { select: { code: true } } } } } } as const;

/** Saves appraised scores while the self-assessment awaits appraisal. */
export async function saveAppraisal(input: z.input<typeof appraisalSchema>) {
  return assessmentAction("assessment.appraise", "reviewer", appraisalSchema, input, async (t, actor, a, data) => {
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
    return null;
  }, "Đã lưu điểm thẩm định.");
}

/** Sends the appraisal to the commune with the date by which it may explain. */
export async function sendAppraisal(input: z.input<typeof sendAppraisalSchema>) {
  return assessmentAction("assessment.appraise", "reviewer", sendAppraisalSchema, input, async (t, actor, a, data) => {
    const missing = await t.assessmentScore.findMany({ where: { assessmentId: a.id, appraisedScore: null }, orderBy: { subCriterion: { position: "asc" } }, include: { subCriterion: subSelect } });
    assertStep(a, "appraise");
    if (missing.length) throw new UserError(`Còn ${missing.length} tiêu chí chưa có điểm thẩm định: ${missing.slice(0, 8).map((s) => codeOf(s.subCriterion)).join(", ")}.`);
    return applyAssessmentStep(t, actor, a, "appraise", { comment: data.comment, data: { explainDueDate: new Date(`${data.explainDueDate}T00:00:00Z`) } });
  }, "Đã gửi kết quả thẩm định cho xã.");
}

/** Decides each explanation: accept the commune's score, or keep the appraised one. */
export async function decideExplanations(input: z.input<typeof decideSchema>) {
  return assessmentAction("assessment.appraise", "reviewer", decideSchema, input, async (t, actor, a, data) => {
    if (!(a.status === "SUBMITTED" && a.appraisedAt)) throw new UserError("Chỉ quyết định khi xã đã gửi giải trình.");
    const scores = await t.assessmentScore.findMany({ where: { id: { in: data.rows.map((r) => r.scoreId) }, assessmentId: a.id } });
    if (scores.length !== new Set(data.rows.map((r) => r.scoreId)).size) throw new ForbiddenError("Có tiêu chí không thuộc bản chấm điểm này.");
    for (const row of data.rows) {
      const s = scores.find((x) => x.id === row.scoreId)!;
      if (!s.explanation) throw new UserError("Chỉ quyết định với tiêu chí có giải trình.");
      await t.assessmentScore.update({ where: { id: s.id }, data: { decision: row.decision, decisionComment: row.comment, version: { increment: 1 }, updatedById: actor.id } });
      await audit(t, { userId: actor.id, communeId: a.communeId, entity: "AssessmentScore", entityId: s.id, action: "explain.decide", before: { decision: s.decision }, after: { decision: row.decision, comment: row.comment } });
    }
    return null;
  }, "Đã lưu quyết định.");
}

/** Locks the final score and publishes it in the ranking. */
export async function finalizeAssessment(input: z.input<typeof assessmentRefSchema>) {
  return assessmentAction("assessment.appraise", "reviewer", assessmentRefSchema, input, async (t, actor, a) => {
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
    const par = await feedParIndicator(t, actor, a, a.set.year, total, a.set.title);
    return { ...step, total, indicatorId: par?.indicatorId ?? null, parReportStatus: par?.reportStatus ?? null };
  }, "Đã chốt và công bố điểm chính thức.", ["/cham-diem/ket-qua"]);
}

"use server";

// The commune's side: self-scores with evidence or an explanation, sub-criteria assigned to
// responsible units (who fill them), the chairman's submission, and the answers to the
// appraisal (giải trình) by the province's deadline.
import type { Actor } from "@/server/auth/actor";
import { runAction } from "@/server/action";
import { audit } from "@/server/audit";
import { write } from "@/server/db/write";
import { ConflictError, ForbiddenError, NotFoundError, UserError } from "@/server/errors";
import { revalidate } from "@/server/revalidate";
import { formDataToObject, id, z } from "@/server/validation";
import { checkUpload, storeUpload, uploadField } from "@/server/evidence/upload";
import { todayInVietnam } from "@/domain/format";
import { bareDocNumber } from "@/domain/text";
import { scoreError, selfEditable } from "@/domain/assessment";
import { assertSubmitter, lockAssessment } from "./access";
import { assessmentAction, assessmentPath, codeOf, type LockedAssessment, type Tx } from "./run";
import { applyAssessmentStep, assertStep } from "./workflow";
import { assessmentRefSchema, detachSchema, evidenceRefSchema, explanationSchema, saveSelfSchema } from "./schemas";

function assertDraft(status: string) {
  if (!selfEditable(status as never)) throw new UserError("Bản tự chấm đã nộp: không sửa điểm, minh chứng được nữa.");
}

/** A staff member of a responsible unit fills only what is assigned to that unit (or to nobody). */
function mayFill(actor: Actor, assignedUnitId: string | null): boolean {
  if (actor.role === "CHAIRMAN" || !actor.responsibleUnitId) return true;
  return assignedUnitId === null || assignedUnitId === actor.responsibleUnitId;
}

export async function saveSelfAssessment(input: z.input<typeof saveSelfSchema>) {
  return assessmentAction("assessment.self.write", "commune", saveSelfSchema, input, async (t, actor, a, data) => {
    assertDraft(a.status);
    const ids = data.rows.map((r) => r.scoreId);
    const scores = await t.assessmentScore.findMany({
      where: { id: { in: ids }, assessmentId: a.id },
      include: { subCriterion: { select: { code: true, maxPoints: true, allowHalf: true, scoredBy: true, criterion: { select: { area: { select: { code: true } } } } } } },
    });
    if (scores.length !== new Set(ids).size) throw new ForbiddenError("Có tiêu chí không thuộc bản chấm điểm này.");
    const unitIds = [...new Set(data.rows.map((r) => r.responsibleUnitId).filter(Boolean))] as string[];
    const indicatorIds = [...new Set(data.rows.map((r) => r.indicatorId).filter(Boolean))] as string[];
    const [units, indicators] = await Promise.all([
      t.responsibleUnit.count({ where: { id: { in: unitIds }, communeId: a.communeId } }),
      t.indicator.count({ where: { id: { in: indicatorIds }, plan: { communeId: a.communeId, year: a.set.year } } }),
    ]);
    if (units !== unitIds.length) throw new ForbiddenError("Đơn vị phụ trách không thuộc xã.");
    if (indicators !== indicatorIds.length) throw new ForbiddenError("Chỉ tiêu gắn với tiêu chí không thuộc kế hoạch của xã năm này.");
    const byId = new Map(scores.map((s) => [s.id, s]));
    const fieldErrors: Record<string, string> = {};
    const stale: string[] = [];
    for (const [i, row] of data.rows.entries()) {
      const s = byId.get(row.scoreId)!;
      const code = codeOf(s.subCriterion);
      if (s.version !== row.version) stale.push(code);
      if (!mayFill(actor, s.responsibleUnitId)) throw new ForbiddenError(`Tiêu chí ${code} do đơn vị khác phụ trách.`);
      const assignmentChanged = (row.responsibleUnitId ?? null) !== s.responsibleUnitId;
      if (assignmentChanged && actor.role !== "CHAIRMAN" && actor.responsibleUnitId) throw new ForbiddenError("Chỉ Chủ tịch hoặc Văn phòng phân công tiêu chí cho đơn vị.");
      if (row.selfScore !== null) {
        if (s.subCriterion.scoredBy === "PROVINCE") fieldErrors[`rows.${i}.selfScore`] = `Tiêu chí ${code} do tỉnh chấm, xã không tự chấm.`;
        else {
          const err = scoreError(row.selfScore, { maxPoints: Number(s.subCriterion.maxPoints), allowHalf: s.subCriterion.allowHalf });
          if (err) fieldErrors[`rows.${i}.selfScore`] = `Tiêu chí ${code}: ${err}`;
        }
      }
    }
    if (Object.keys(fieldErrors).length) throw new UserError(Object.values(fieldErrors)[0], fieldErrors);
    if (stale.length) throw new ConflictError(`Tiêu chí ${stale.slice(0, 5).join(", ")} vừa được người khác sửa. Tải lại trang để xem rồi nhập lại.`);
    let changed = 0;
    for (const row of data.rows) {
      const s = byId.get(row.scoreId)!;
      const next = { selfScore: row.selfScore, selfNote: row.selfNote, responsibleUnitId: row.responsibleUnitId ?? null, indicatorId: row.indicatorId ?? null };
      const before = { selfScore: s.selfScore === null ? null : Number(s.selfScore), selfNote: s.selfNote, responsibleUnitId: s.responsibleUnitId, indicatorId: s.indicatorId };
      if (JSON.stringify(before) === JSON.stringify(next)) continue;
      await t.assessmentScore.update({ where: { id: s.id }, data: { ...next, version: { increment: 1 }, updatedById: actor.id } });
      await audit(t, { userId: actor.id, communeId: a.communeId, entity: "AssessmentScore", entityId: s.id, action: "self.save", before, after: next });
      changed++;
    }
    return { changed };
  }, "Đã lưu điểm tự chấm.");
}

/** The sub-criterion a commune user attaches evidence to: in this draft, and theirs to fill. */
async function scoreToFill(t: Tx, actor: Actor, a: LockedAssessment, scoreId: string) {
  assertDraft(a.status);
  const score = await t.assessmentScore.findFirst({ where: { id: scoreId, assessmentId: a.id } });
  if (!score) throw new NotFoundError("Tiêu chí không thuộc bản chấm điểm này.");
  if (!mayFill(actor, score.responsibleUnitId)) throw new ForbiddenError("Tiêu chí này do đơn vị khác phụ trách.");
  return score;
}

const fileSchema = z.object({ assessmentId: id("Bản chấm điểm"), scoreId: id("Tiêu chí"), file: uploadField });

/** Uploads a file into the commune's evidence store and attaches it to a sub-criterion. */
export async function attachAssessmentEvidenceFile(formData: FormData) {
  const raw = formData && typeof formData.entries === "function" ? formDataToObject(formData) : {};
  return runAction("assessment.self.write", fileSchema, raw, async (actor, data) => {
    const inDraft = async (t: Tx) => {
      const a = await lockAssessment(t, actor, data.assessmentId, "commune");
      return { a, score: await scoreToFill(t, actor, a, data.scoreId) };
    };
    // Who may attach is checked before anything touches the disk, and again when recording it.
    await write(inDraft);
    const upload = await checkUpload(data.file);
    const created = await storeUpload(upload, (storageKey) =>
      write(async (t) => {
        const { a, score } = await inDraft(t);
        const { fileName, mimeType, sizeBytes } = upload;
        const evidence = await t.evidence.create({ data: { communeId: a.communeId, fileName, storageKey, mimeType, sizeBytes, createdById: actor.id } });
        await t.assessmentEvidence.create({ data: { scoreId: score.id, evidenceId: evidence.id } });
        await audit(t, { userId: actor.id, communeId: a.communeId, entity: "Evidence", entityId: evidence.id, action: "create", after: { assessmentScoreId: score.id, fileName, mimeType, sizeBytes } });
        return evidence;
      }),
    );
    revalidate(assessmentPath(data.assessmentId));
    return { id: created.id };
  }, "Đã tải lên tài liệu kiểm chứng.");
}

/** Attaches a document reference, or evidence already in the commune's store, to a sub-criterion. */
export async function attachAssessmentEvidence(input: z.input<typeof evidenceRefSchema>) {
  return assessmentAction("assessment.self.write", "commune", evidenceRefSchema, input, async (t, actor, a, data) => {
    const score = await scoreToFill(t, actor, a, data.scoreId);
    let evidenceId: string;
    if (data.existingEvidenceId) {
      const existing = await t.evidence.findFirst({ where: { id: data.existingEvidenceId, communeId: a.communeId } });
      if (!existing) throw new ForbiddenError("Minh chứng này không thuộc kho minh chứng của xã.");
      evidenceId = existing.id;
      const linked = await t.assessmentEvidence.findUnique({ where: { scoreId_evidenceId: { scoreId: score.id, evidenceId } } });
      if (linked) throw new UserError("Minh chứng này đã được gắn với tiêu chí.");
    } else {
      if (!data.docNumber || !data.docSummary) throw new UserError("Nhập số, ký hiệu và trích yếu văn bản, hoặc chọn minh chứng có sẵn.", { docNumber: data.docNumber ? "" : "Bắt buộc nhập.", docSummary: data.docSummary ? "" : "Bắt buộc nhập." });
      const evidence = await t.evidence.create({ data: { communeId: a.communeId, docNumber: bareDocNumber(data.docNumber), docSummary: data.docSummary, createdById: actor.id } });
      evidenceId = evidence.id;
    }
    await t.assessmentEvidence.create({ data: { scoreId: score.id, evidenceId } });
    await audit(t, { userId: actor.id, communeId: a.communeId, entity: "AssessmentScore", entityId: score.id, action: "evidence.attach", after: { evidenceId } });
    return { id: evidenceId };
  }, "Đã gắn tài liệu kiểm chứng.");
}

/** Detaches evidence from a sub-criterion (the file stays in the commune's store). */
export async function detachAssessmentEvidence(input: z.input<typeof detachSchema>) {
  return assessmentAction("assessment.self.write", "commune", detachSchema, input, async (t, actor, a, data) => {
    const score = await scoreToFill(t, actor, a, data.scoreId);
    const removed = await t.assessmentEvidence.deleteMany({ where: { scoreId: score.id, evidenceId: data.evidenceId } });
    if (!removed.count) throw new NotFoundError("Minh chứng không gắn với tiêu chí này.");
    await audit(t, { userId: actor.id, communeId: a.communeId, entity: "AssessmentScore", entityId: score.id, action: "evidence.detach", before: { evidenceId: data.evidenceId } });
    return null;
  }, "Đã gỡ minh chứng.");
}

/** The chairman (or staff allowed to submit) sends the self-assessment; it is then locked. */
export async function submitSelfAssessment(input: z.input<typeof assessmentRefSchema>) {
  return assessmentAction("assessment.self.submit", "commune", assessmentRefSchema, input, async (t, actor, a) => {
    assertSubmitter(actor);
    assertStep(a, "submit");
    const scores = await t.assessmentScore.findMany({
      where: { assessmentId: a.id },
      orderBy: { subCriterion: { position: "asc" } },
      include: { subCriterion: { select: { code: true, scoredBy: true, criterion: { select: { area: { select: { code: true } } } } } }, _count: { select: { evidence: true } } },
    });
    const own = scores.filter((s) => s.subCriterion.scoredBy === "SELF");
    const unscored = own.filter((s) => s.selfScore === null).map((s) => codeOf(s.subCriterion));
    if (unscored.length) throw new UserError(`Còn ${unscored.length} tiêu chí chưa tự chấm: ${unscored.slice(0, 8).join(", ")}${unscored.length > 8 ? "…" : ""}.`);
    const unsupported = own.filter((s) => Number(s.selfScore) > 0 && s._count.evidence === 0 && !s.selfNote).map((s) => codeOf(s.subCriterion));
    if (unsupported.length) throw new UserError(`Tiêu chí có điểm nhưng chưa có tài liệu kiểm chứng hoặc giải trình: ${unsupported.slice(0, 8).join(", ")}${unsupported.length > 8 ? "…" : ""}.`);
    const selfTotal = own.reduce((n, s) => n + Number(s.selfScore ?? 0), 0);
    return applyAssessmentStep(t, actor, a, "submit", { data: { selfTotal: Math.round(selfTotal * 100) / 100 } });
  }, "Đã nộp bản tự chấm cho tỉnh thẩm định.");
}

async function writeExplanations(t: Tx, actor: Actor, a: LockedAssessment, data: z.output<typeof explanationSchema>) {
  if (a.status !== "RETURNED") throw new UserError("Chỉ giải trình khi tỉnh đã gửi kết quả thẩm định và chưa hết hạn.");
  const scores = await t.assessmentScore.findMany({ where: { id: { in: data.rows.map((r) => r.scoreId) }, assessmentId: a.id } });
  if (scores.length !== new Set(data.rows.map((r) => r.scoreId)).size) throw new ForbiddenError("Có tiêu chí không thuộc bản chấm điểm này.");
  for (const row of data.rows) {
    const s = scores.find((x) => x.id === row.scoreId)!;
    if ((s.explanation ?? null) === row.explanation) continue;
    await t.assessmentScore.update({ where: { id: s.id }, data: { explanation: row.explanation, version: { increment: 1 }, updatedById: actor.id } });
    await audit(t, { userId: actor.id, communeId: a.communeId, entity: "AssessmentScore", entityId: s.id, action: "explain.save", before: { explanation: s.explanation }, after: { explanation: row.explanation } });
  }
}

/** Saves the commune's answers to the appraisal without sending them. */
export async function saveExplanations(input: z.input<typeof explanationSchema>) {
  return assessmentAction("assessment.self.write", "commune", explanationSchema, input, async (t, actor, a, data) => {
    await writeExplanations(t, actor, a, data);
    if (a.explainDueDate && a.explainDueDate.toISOString().slice(0, 10) < todayInVietnam()) throw new UserError("Đã quá hạn giải trình.");
    return null;
  }, "Đã lưu giải trình.");
}

/** The chairman sends the answers; the province then decides each one. */
export async function sendExplanations(input: z.input<typeof explanationSchema>) {
  return assessmentAction("assessment.self.submit", "commune", explanationSchema, input, async (t, actor, a, data) => {
    await writeExplanations(t, actor, a, data);
    assertSubmitter(actor);
    return applyAssessmentStep(t, actor, a, "explain");
  }, "Đã gửi giải trình cho tỉnh.");
}

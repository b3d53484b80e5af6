// PAR Index self-assessment, the whole cycle against a real database: the province publishes
// its criteria, the commune self-scores with evidence and submits, the province appraises, the
// commune explains, the province decides and finalizes; the plan's PAR indicator takes the
// final score. Every illegal step along the way is refused and writes nothing.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { actAs, formData } from "../support/actors";
import { dbFingerprint } from "../support/fingerprint";
import { DEMO_ASSESSMENTS, DEMO_LEFT_TO_SCORE } from "@/server/seed/assessment-demo";
import * as sets from "@/server/assessment/set-actions";
import * as bandsActions from "@/server/assessment/band-actions";
import * as structure from "@/server/assessment/structure-actions";
import * as self from "@/server/assessment/self-actions";
import * as appraisal from "@/server/assessment/appraisal-actions";
import { assessmentDetail, assessmentResults } from "@/server/assessment/queries";
import { actorFor } from "../support/actors";
import { takeReportSnapshot } from "@/server/reports/snapshot";
import { loadReport } from "@/server/reports/queries";
import { saveReport } from "@/server/reports/actions";
import { formatNumber } from "@/domain/format";

const t = setupTestDb();

async function assessmentOf(commune: string, year: number) {
  return t.db.assessment.findFirstOrThrow({ where: { commune: { name: commune }, set: { year } }, orderBy: { createdAt: "desc" } });
}

/** Runs a call that must be refused: not ok, a Vietnamese message matching `message`, and nothing written. */
async function refused(call: () => Promise<{ ok: boolean; error?: string }>, message: RegExp) {
  const before = await dbFingerprint(t.db);
  const r = await call();
  expect(r.ok, JSON.stringify(r)).toBe(false);
  expect(r.error).toMatch(message);
  const after = await dbFingerprint(t.db);
  expect(Object.keys(after).filter((k) => after[k].md5 !== before[k]?.md5)).toEqual([]);
}

describe("demo", () => {
  it("gives each demo commune an assessment in a different state, against a set titled as a demo", async () => {
    for (const d of DEMO_ASSESSMENTS) {
      const a = await t.db.assessment.findFirstOrThrow({ where: { commune: { name: d.commune } }, include: { set: true } });
      expect(a.status).toBe(d.state);
      expect(a.set.title).toMatch(/BỘ MẪU.*không phải bộ tiêu chí chính thức/);
      expect(a.set.isDemo && a.isDemo).toBe(true);
    }
    const set = await t.db.assessmentSet.findFirstOrThrow({ include: { areas: { include: { criteria: { include: { subCriteria: true } } } } } });
    const subs = set.areas.flatMap((a) => a.criteria.flatMap((c) => c.subCriteria));
    expect(set.areas).toHaveLength(8);
    expect(subs.length).toBeGreaterThanOrEqual(40);
    expect(subs.reduce((s, x) => s + Number(x.maxPoints), 0)).toBe(100);
  });
});

describe("criteria sets", () => {
  it("a province reviewer copies last year's set, edits it while a draft, publishes it, and then only an amendment changes it", async () => {
    await actAs("quangngai.thamdinh");
    const created = await sets.createAssessmentSet(null, formData({ year: "2026", title: "Bộ tiêu chí 2026", start: "copy" }));
    expect(created.ok, JSON.stringify(created)).toBe(true);
    const setId = (created as { data: { id: string } }).data.id;
    const sub = await t.db.assessmentSubCriterion.findFirstOrThrow({ where: { criterion: { area: { setId, code: "I" } } }, orderBy: { position: "asc" } });
    const edit = (maxPoints: string) =>
      sets.updateSubCriterion(null, formData({ setId, id: sub.id, text: "Ban hành kế hoạch CCHC năm 2026 đúng thời hạn", maxPoints, scoredBy: "SELF", allowHalf: "on" }));
    expect((await edit("1")).ok).toBe(true);

    // Another province's reviewer cannot touch it; a district reviewer under the province neither.
    await actAs("khanhhoa.thamdinh");
    await refused(() => edit("1,5"), /đơn vị khác ban hành/);
    await actAs("nghiahanh.thamdinh");
    await refused(() => edit("1,5"), /đơn vị khác ban hành/);

    await actAs("quangngai.thamdinh");
    let set = await t.db.assessmentSet.findUniqueOrThrow({ where: { id: setId } });
    await refused(() => sets.publishAssessmentSet({ setId, version: set.version - 1 }), /vừa được người khác sửa/);
    const published = await sets.publishAssessmentSet({ setId, version: set.version });
    expect(published.ok, JSON.stringify(published)).toBe(true);
    expect(await t.db.assessment.count({ where: { setId, commune: { name: "Xã Hành Dũng" } } })).toBe(1);
    expect(await t.db.assessmentScore.count({ where: { assessment: { setId } } })).toBe(44);

    // Published: locked.
    await refused(() => edit("2"), /tạo bản điều chỉnh/);
    set = await t.db.assessmentSet.findUniqueOrThrow({ where: { id: setId } });
    await refused(() => sets.publishAssessmentSet({ setId, version: set.version }), /tạo bản điều chỉnh/);

    // The amendment is a new version with its reason; publishing it takes the draft assessment over, scores kept by code.
    const hd = await assessmentOf("Xã Hành Dũng", 2026);
    const firstScore = await t.db.assessmentScore.findFirstOrThrow({ where: { assessmentId: hd.id, subCriterionId: sub.id } });
    await actAs("hanhdung.canbo");
    expect((await self.saveSelfAssessment({ assessmentId: hd.id, rows: [{ scoreId: firstScore.id, version: firstScore.version, selfScore: "1", selfNote: "Kế hoạch số 5/KH-UBND" }] })).ok).toBe(true);
    await actAs("quangngai.thamdinh");
    expect((await sets.amendAssessmentSet(null, formData({ setId }))).ok).toBe(false);
    const amended = await sets.amendAssessmentSet(null, formData({ setId, reason: "Bổ sung hướng dẫn chấm tiêu chí I.1.1" }));
    expect(amended.ok).toBe(true);
    const amendId = (amended as { data: { id: string } }).data.id;
    const amendment = await t.db.assessmentSet.findUniqueOrThrow({ where: { id: amendId } });
    expect(amendment).toMatchObject({ amendment: 2, basedOnId: setId, status: "DRAFT", amendmentReason: "Bổ sung hướng dẫn chấm tiêu chí I.1.1" });
    expect((await sets.publishAssessmentSet({ setId: amendId, version: amendment.version })).ok).toBe(true);
    const moved = await t.db.assessment.findUniqueOrThrow({ where: { id: hd.id }, include: { scores: { where: { selfScore: { not: null } }, include: { subCriterion: true } } } });
    expect(moved.setId).toBe(amendId);
    expect(moved.scores.map((s) => [s.subCriterion.code, Number(s.selfScore)])).toEqual([["1.1", 1]]);
  });

  it("the issuing province edits its ranking bands, checked and audited; others cannot", async () => {
    const set = await t.db.assessmentSet.findFirstOrThrow({ where: { issuerUnit: { name: "Tỉnh Quảng Ngãi" }, year: 2025, status: "PUBLISHED" }, orderBy: { amendment: "asc" } });
    const bands = (version: number, rows: [string, string][]) =>
      bandsActions.updateBands(null, formData({ setId: set.id, version: String(version), ...Object.fromEntries(rows.flatMap(([label, min], i) => [[`label${i}`, label], [`min${i}`, min]])) }));
    await actAs("khanhhoa.thamdinh");
    await refused(() => bands(set.version, [["Đạt", "0"]]), /đơn vị khác ban hành/);
    await actAs("hanhdung.chutich");
    await refused(() => bands(set.version, [["Đạt", "0"]]), /quyền/);
    await actAs("quangngai.thamdinh");
    await refused(() => bands(set.version, [["Tốt", "85"], ["Khá", "70"]]), /bắt đầu từ 0/);
    await refused(() => bands(set.version, [["Tốt", "tám mươi"], ["Khá", "0"]]), /chưa hợp lệ/);
    await refused(() => bands(set.version + 1, [["Tốt", "85"], ["Còn lại", "0"]]), /vừa được người khác sửa/);
    const saved = await bands(set.version, [["Còn lại", "0"], ["Tốt", "82,5"]]);
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    const after = await t.db.assessmentSet.findUniqueOrThrow({ where: { id: set.id } });
    expect(after.bands).toEqual([{ min: 82.5, label: "Tốt" }, { min: 0, label: "Còn lại" }]);
    expect(after.version).toBe(set.version + 1);
    const trail = await t.db.auditLog.findFirstOrThrow({ where: { entityId: set.id, action: "bands.update" } });
    expect(trail.after).toEqual(after.bands);
    // The ranking reads the new bands.
    const results = await assessmentResults(await actorFor("quangngai.thamdinh"), set.id);
    expect(results.bands.map((b) => b.label)).toEqual(["Tốt", "Còn lại"]);
    expect(results.manages).toBe(true);
    expect((await assessmentResults(await actorFor("hanhdung.chutich"), set.id)).manages).toBe(false);
  });

  it("a province reviewer adds an area, a criterion and a sub-criterion by hand to a draft, edits its maximum, and the totals are checked again", async () => {
    await actAs("quangngai.thamdinh");
    const created = await sets.createAssessmentSet(null, formData({ year: "2030", title: "Bộ tiêu chí 2030", start: "demo" }));
    expect(created.ok, JSON.stringify(created)).toBe(true);
    const setId = (created as { data: { id: string } }).data.id;
    const version = async () => (await t.db.assessmentSet.findUniqueOrThrow({ where: { id: setId } })).version;
    const add = async (fields: Record<string, string>) => structure.addCriteriaNode(null, formData({ setId, version: String(await version()), ...fields }));

    expect((await add({ kind: "area", code: "IX", title: "Lĩnh vực bổ sung" })).ok).toBe(true);
    expect((await add({ kind: "criterion", areaCode: "IX", code: "1", title: "Tiêu chí bổ sung" })).ok).toBe(true);
    const r = await add({ kind: "sub", parent: "IX|1", code: "1.1", text: "Tiêu chí thành phần bổ sung", maxPoints: "2,5", allowHalf: "on", scoredBy: "SELF" });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    // The demo set totals 100: 2,5 more is flagged at once.
    expect((r as { data: { warnings: string[] } }).data.warnings).toContain("Tổng điểm tối đa là 102,5, không phải 100.");
    const added = await t.db.assessmentSubCriterion.findFirstOrThrow({ where: { code: "1.1", criterion: { code: "1", area: { setId, code: "IX" } } } });
    expect(Number(added.maxPoints)).toBe(2.5);
    expect(await t.db.auditLog.count({ where: { entityId: setId, action: "structure.add" } })).toBe(3);

    // Refused: a code already used, a stale version, another province, a published set.
    await refused(() => add({ kind: "area", code: "ix", title: "Trùng" }), /Đã có lĩnh vực mã ix/);
    await refused(async () => structure.addCriteriaNode(null, formData({ setId, version: String((await version()) + 1), kind: "area", code: "X", title: "Cũ" })), /vừa được người khác sửa/);
    await refused(() => add({ kind: "sub", parent: "IX|1", code: "1.2", text: "x", maxPoints: "0", scoredBy: "SELF" }), /chưa hợp lệ/);
    await actAs("khanhhoa.thamdinh");
    await refused(() => add({ kind: "area", code: "X", title: "Tỉnh khác" }), /đơn vị khác ban hành/);

    // Its maximum is edited while a draft; the totals follow.
    await actAs("quangngai.thamdinh");
    const edited = await sets.updateSubCriterion(null, formData({ setId, id: added.id, text: added.text, maxPoints: "0,5", scoredBy: "SELF", allowHalf: "on" }));
    expect(edited.ok, JSON.stringify(edited)).toBe(true);
    const subs = await t.db.assessmentSubCriterion.findMany({ where: { criterion: { area: { setId } } } });
    expect(subs.reduce((n, s) => n + Number(s.maxPoints), 0)).toBe(100.5);
    const published = await sets.publishAssessmentSet({ setId, version: await version() });
    expect(published.ok, JSON.stringify(published)).toBe(true);
    await refused(() => add({ kind: "area", code: "X", title: "Sau công bố" }), /tạo bản điều chỉnh/);
  });

  it("the admin names the issuing unit; a commune user cannot create sets", async () => {
    await actAs("hanhdung.chutich");
    await refused(() => sets.createAssessmentSet(null, formData({ year: "2027", title: "Bộ xã tự làm" })), /quyền/);
    await actAs("admin");
    const r = await sets.createAssessmentSet(null, formData({ year: "2027", title: "Bộ tiêu chí 2027", start: "demo" }));
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.error).toMatch(/Chọn đơn vị ban hành/);
  });
});

describe("the full cycle: self-assess → submit → appraise → explain → decide → final", () => {
  it("runs with every illegal step refused, and feeds the plan's PAR indicator", async () => {
    const a = await assessmentOf("Xã Hành Dũng", 2025);
    const scoreFor = async (code: string) => {
      const [area, ...rest] = code.split(".");
      return t.db.assessmentScore.findFirstOrThrow({ where: { assessmentId: a.id, subCriterion: { code: rest.join("."), criterion: { area: { code: area } } } } });
    };
    const online = await scoreFor(DEMO_LEFT_TO_SCORE[0]);
    const digitised = await scoreFor(DEMO_LEFT_TO_SCORE[1]);

    // The form shows the plan's own year-to-date figure for the tied indicator and the score its rule gives.
    const clerk = await actAs("hanhdung.canbo");
    const detail = await assessmentDetail(clerk!, a.id);
    const row = detail.areas.flatMap((x) => x.criteria.flatMap((c) => c.subs)).find((s) => s.fullCode === DEMO_LEFT_TO_SCORE[0])!;
    expect(row.tied?.name).toMatch(/hồ sơ trực tuyến/i);
    if (row.tied?.value !== null && row.tied?.value !== undefined) expect(row.proposed).toBe(row.tied.value >= 70 ? 4 : row.tied.value >= 50 ? 2 : 0);

    // Bounds and half points.
    await refused(() => self.saveSelfAssessment({ assessmentId: a.id, rows: [{ scoreId: online.id, version: online.version, selfScore: "4,5" }] }), /tối đa của tiêu chí này là 4/);
    await refused(() => self.saveSelfAssessment({ assessmentId: a.id, rows: [{ scoreId: online.id, version: online.version, selfScore: "1,5" }] }), /điểm nguyên/);

    // Another commune may not score this one.
    await actAs("dienkhanh.canbo");
    await refused(() => self.saveSelfAssessment({ assessmentId: a.id, rows: [{ scoreId: online.id, version: online.version, selfScore: "4" }] }), /xã mình/);

    await actAs("hanhdung.canbo");
    expect((await self.saveSelfAssessment({ assessmentId: a.id, rows: [{ scoreId: online.id, version: online.version, selfScore: "4" }, { scoreId: digitised.id, version: digitised.version, selfScore: "1,5" }] })).ok).toBe(true);
    // A stale version is a conflict, not a silent overwrite.
    await refused(() => self.saveSelfAssessment({ assessmentId: a.id, rows: [{ scoreId: online.id, version: online.version, selfScore: "2" }] }), /người khác sửa/);

    // Submitting needs evidence or an explanation for every score above zero.
    await actAs("hanhdung.chutich");
    await refused(() => self.submitSelfAssessment({ assessmentId: a.id }), /chưa có tài liệu kiểm chứng hoặc giải trình: III\.4\.2, VII\.1\.1/);
    await actAs("hanhdung.canbo");
    const pdf = new Blob([new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")], { type: "application/pdf" });
    const fd = formData({ assessmentId: a.id, scoreId: online.id });
    fd.append("file", pdf, "so-lieu-truc-tuyen.pdf");
    expect((await self.attachAssessmentEvidenceFile(fd)).ok).toBe(true);
    expect((await self.attachAssessmentEvidence({ assessmentId: a.id, scoreId: digitised.id, docNumber: "Số: 12/BC-UBND", docSummary: "Báo cáo số hóa hồ sơ" })).ok).toBe(true);
    // Staff may not submit unless the chairman allowed it.
    await refused(() => self.submitSelfAssessment({ assessmentId: a.id }), /Chủ tịch/);
    // The province cannot appraise a draft.
    await actAs("quangngai.thamdinh");
    await refused(() => appraisal.sendAppraisal({ assessmentId: a.id, explainDueDate: "2099-12-31" }), /Không thể gửi kết quả thẩm định/);

    await actAs("hanhdung.chutich");
    const submitted = await self.submitSelfAssessment({ assessmentId: a.id });
    expect(submitted.ok, JSON.stringify(submitted)).toBe(true);
    const snapshot = await t.db.assessmentSnapshot.findFirstOrThrow({ where: { assessmentId: a.id }, orderBy: { createdAt: "desc" } });
    expect((snapshot.data as { code: string; self: number }[]).find((s) => s.code === "VII.1.1")?.self).toBe(4);

    // Locked after submission: no edits, no evidence, no second submission.
    await actAs("hanhdung.canbo");
    const fresh = await t.db.assessmentScore.findUniqueOrThrow({ where: { id: online.id } });
    await refused(() => self.saveSelfAssessment({ assessmentId: a.id, rows: [{ scoreId: online.id, version: fresh.version, selfScore: "2" }] }), /đã nộp/);
    await refused(() => self.attachAssessmentEvidence({ assessmentId: a.id, scoreId: online.id, docNumber: "1/BC", docSummary: "x" }), /đã nộp/);
    await actAs("hanhdung.chutich");
    await refused(() => self.submitSelfAssessment({ assessmentId: a.id }), /Không thể nộp/);
    await refused(() => self.sendExplanations({ assessmentId: a.id, rows: [] }), /Chỉ giải trình khi/);

    // Appraisal: the province scores every sub-criterion, one lower than the self-score.
    await actAs("khanhhoa.thamdinh");
    await refused(() => appraisal.saveAppraisal({ assessmentId: a.id, rows: [{ scoreId: online.id, version: fresh.version, appraisedScore: "2" }] }), /không thuộc đơn vị/);
    await actAs("quangngai.thamdinh");
    const scores = await t.db.assessmentScore.findMany({ where: { assessmentId: a.id }, include: { subCriterion: true } });
    const rows = scores.map((s) => ({
      scoreId: s.id,
      version: s.version,
      appraisedScore: s.id === online.id ? "2" : s.subCriterion.scoredBy === "PROVINCE" ? String(Number(s.subCriterion.maxPoints)) : String(Number(s.selfScore)),
      comment: s.id === online.id ? "Tỷ lệ hồ sơ trực tuyến năm chỉ đạt 58%." : undefined,
    }));
    await refused(() => appraisal.saveAppraisal({ assessmentId: a.id, rows: [{ ...rows[0], appraisedScore: "99" }] }), /tối đa/);
    await refused(() => appraisal.sendAppraisal({ assessmentId: a.id, explainDueDate: "2099-12-31" }), /chưa có điểm thẩm định/);
    expect((await appraisal.saveAppraisal({ assessmentId: a.id, rows })).ok).toBe(true);
    await refused(() => appraisal.finalizeAssessment({ assessmentId: a.id }), /Không thể chốt/);
    expect((await appraisal.sendAppraisal({ assessmentId: a.id, explainDueDate: "2099-12-31", comment: "Đề nghị xã giải trình tiêu chí VII.1.1." })).ok).toBe(true);
    // Before the deadline the province waits for the explanation.
    await refused(() => appraisal.finalizeAssessment({ assessmentId: a.id }), /Chưa hết hạn giải trình/);

    // The commune explains; staff save, the chairman sends.
    await actAs("hanhdung.canbo");
    expect((await self.saveExplanations({ assessmentId: a.id, rows: [{ scoreId: online.id, explanation: "Số liệu quý IV đưa tỷ lệ lên 72%, kèm báo cáo." }] })).ok).toBe(true);
    await refused(() => self.sendExplanations({ assessmentId: a.id, rows: [] }), /Chủ tịch/);
    await actAs("hanhdung.chutich");
    expect((await self.sendExplanations({ assessmentId: a.id, rows: [] })).ok).toBe(true);

    // The province decides each explanation, then finalizes.
    await actAs("quangngai.thamdinh");
    await refused(() => appraisal.finalizeAssessment({ assessmentId: a.id }), /chưa quyết định: VII\.1\.1/);
    expect((await appraisal.decideExplanations({ assessmentId: a.id, rows: [{ scoreId: online.id, decision: "ACCEPTED", comment: "Chấp nhận giải trình." }] })).ok).toBe(true);
    const finalized = await appraisal.finalizeAssessment({ assessmentId: a.id });
    expect(finalized.ok, JSON.stringify(finalized)).toBe(true);
    const done = await t.db.assessment.findUniqueOrThrow({ where: { id: a.id }, include: { scores: { include: { subCriterion: true } } } });
    expect(done.status).toBe("APPROVED");
    expect(Number(done.scores.find((s) => s.id === online.id)!.finalScore)).toBe(4);
    const expected = done.scores.reduce((n, s) => n + Number(s.finalScore), 0);
    expect(Number(done.finalTotal)).toBeCloseTo(expected, 2);

    // Final is final.
    await refused(() => appraisal.finalizeAssessment({ assessmentId: a.id }), /Không thể chốt/);
    await refused(() => appraisal.decideExplanations({ assessmentId: a.id, rows: [{ scoreId: online.id, decision: "REJECTED" }] }), /Chỉ quyết định khi/);

    // The history holds every step.
    const steps = await t.db.reviewDecision.findMany({ where: { assessmentId: a.id }, orderBy: { createdAt: "asc" } });
    expect(steps.map((s) => s.action)).toEqual(["assessment.submit", "assessment.appraise", "assessment.explain", "assessment.finalize"]);
    expect(await t.db.assessmentSnapshot.count({ where: { assessmentId: a.id } })).toBe(4);

    // The plan's PAR Index indicator (when the plan has one) takes the final score, marked as from the appraisal.
    const indicatorId = (finalized as { data: { indicatorId: string | null } }).data.indicatorId;
    const par = await t.db.indicator.findFirst({ where: { group: "PAR_INDEX", parentId: null, plan: { commune: { name: "Xã Hành Dũng" }, year: 2025 } } });
    expect(indicatorId).toBe(par?.id ?? null);
    if (par) {
      const value = await t.db.indicatorValue.findFirstOrThrow({ where: { indicatorId: par.id, period: { year: 2025, quarter: 4 } } });
      expect(Number(value.value)).toBeCloseTo(expected, 2);
      expect(value.note).toMatch(/kết quả thẩm định Chỉ số CCHC năm 2025/);
      // The quarter IV report was still open: the score went in as a save does, versioned and audited.
      expect(value.fromAssessmentId).toBe(a.id);
      const trail = await t.db.auditLog.findFirstOrThrow({ where: { entityId: value.id, action: "assessment.final" } });
      expect(trail.after).toMatchObject({ value: Number(done.finalTotal), reportStatus: "DRAFT" });
    }

    // The ranking shows the commune with its band.
    const results = await assessmentResults(await actorFor("quangngai.thamdinh"), done.setId);
    expect(results.ranking.map((r) => [r.commune, r.rank])).toEqual([["Xã Hành Dũng", 1]]);
    expect(results.ranking[0].band).toBeTruthy();
  });

  it("a province finalizes after the deadline passes without an explanation; the PAR indicator of Tây Thuận's plan takes the score", async () => {
    const a = await assessmentOf("Xã Tây Thuận", 2025);
    const reviewer = (await t.db.user.findFirstOrThrow({ where: { role: "REVIEWER", orgUnit: { name: "Tỉnh (chưa xác định – dữ liệu mẫu)" } } })).username;
    await actAs(reviewer);
    const scores = await t.db.assessmentScore.findMany({ where: { assessmentId: a.id }, include: { subCriterion: true } });
    const rows = scores.map((s) => ({ scoreId: s.id, version: s.version, appraisedScore: String(s.subCriterion.scoredBy === "PROVINCE" ? 3 : Number(s.selfScore)) }));
    expect((await appraisal.saveAppraisal({ assessmentId: a.id, rows })).ok).toBe(true);
    expect((await appraisal.sendAppraisal({ assessmentId: a.id, explainDueDate: "2020-01-01" })).ok).toBe(true);
    await actAs("taythuan.chutich");
    await refused(() => self.sendExplanations({ assessmentId: a.id, rows: [] }), /quá hạn giải trình/);

    // Tây Thuận's quarter IV report is already approved: a record (issue 14), frozen when submitted.
    const period = await t.db.reportingPeriod.upsert({ where: { year_quarter: { year: 2025, quarter: 4 } }, update: {}, create: { year: 2025, quarter: 4 } });
    const report = await t.db.quarterlyReport.create({ data: { communeId: a.communeId, periodId: period.id, status: "APPROVED", submittedAt: new Date(), decidedAt: new Date() } });
    await t.db.$transaction((tx) => takeReportSnapshot(tx, report.id, null, new Date()), { timeout: 30_000 });
    const frozenBefore = await t.db.reportSnapshot.findMany({ where: { reportId: report.id } });

    await actAs(reviewer);
    const r = await appraisal.finalizeAssessment({ assessmentId: a.id });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect((r as { data: { parReportStatus: string } }).data.parReportStatus).toBe("APPROVED");
    const par = await t.db.indicator.findFirstOrThrow({ where: { group: "PAR_INDEX", parentId: null, plan: { commune: { name: "Xã Tây Thuận" } } } });
    const value = await t.db.indicatorValue.findFirstOrThrow({ where: { indicatorId: par.id, period: { year: 2025, quarter: 4 } } });
    const final = await t.db.assessment.findUniqueOrThrow({ where: { id: a.id } });
    // The live figure takes the score, marked by its source, not by rewriting the commune's note.
    expect(Number(value.value)).toBe(Number(final.finalTotal));
    expect(value.fromAssessmentId).toBe(a.id);
    expect(value.note).toBeNull();
    // The record stays as approved: same report state, same snapshot, untouched.
    expect((await t.db.quarterlyReport.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("APPROVED");
    expect(await t.db.reportSnapshot.findMany({ where: { reportId: report.id } })).toEqual(frozenBefore);
    // The report still shows what was approved, and flags the change, naming the appraisal.
    const shown = await loadReport(await actorFor("taythuan.chutich"), a.communeId, 2025, 4);
    const shownPar = shown.plans.flatMap((p) => p.indicators).find((i) => i.id === par.id)!;
    expect(shownPar.quarters.find((q) => q.quarter === 4)?.value ?? null).toBeNull();
    expect(shown.snapshot?.changes).toContainEqual(
      expect.objectContaining({ what: "Số liệu Quý IV (điểm chính thức theo kết quả thẩm định Chỉ số CCHC)", before: "(trống)", after: formatNumber(Number(final.finalTotal)) }),
    );
    const trail = await t.db.auditLog.findFirstOrThrow({ where: { entityId: value.id, action: "assessment.final" } });
    expect(trail.after).toMatchObject({ reportStatus: "APPROVED", assessmentId: a.id });

    // When the commune later saves its own figure (after the report is reopened), the mark goes.
    await t.db.quarterlyReport.update({ where: { id: report.id }, data: { status: "RETURNED" } });
    await actAs("taythuan.canbo");
    const saved = await saveReport({ year: 2025, quarter: 4, indicators: [{ indicatorId: par.id, version: value.version, value: 80 }], tasks: [] });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    expect((await t.db.indicatorValue.findUniqueOrThrow({ where: { id: value.id } })).fromAssessmentId).toBeNull();
  });
  it("into a quarter IV report still open, the final score goes as a save does: the row's version moves on and the audit keeps the commune's figure it replaced", async () => {
    const a = await assessmentOf("Xã Diên Khánh", 2025);
    // Diên Khánh's demo plan names the PAR Index only in its text: give it the indicator, as a plan would.
    const plan = await t.db.plan.findFirstOrThrow({ where: { communeId: a.communeId, year: 2025 } });
    const par = await t.db.indicator.create({ data: { planId: plan.id, position: 999, name: "Chỉ số CCHC (PAR INDEX) của xã", group: "PAR_INDEX", targetText: "tối thiểu 80 điểm", targetRule: "AT_LEAST", targetValue: 80, measurementUnit: "điểm" } });
    // Written straight into the rows, so the plan is taken as approved with them: a submitted plan
    // with a version would be read from that version (issue 14), which lacks this fixture row.
    await t.db.plan.update({ where: { id: plan.id }, data: { status: "APPROVED" } });
    await actAs("dienkhanh.canbo");
    const typed = await saveReport({ year: 2025, quarter: 4, indicators: [{ indicatorId: par.id, version: null, value: 70 }], tasks: [] });
    expect(typed.ok, JSON.stringify(typed)).toBe(true);
    const before = await t.db.indicatorValue.findFirstOrThrow({ where: { indicatorId: par.id, period: { year: 2025, quarter: 4 } } });

    await actAs("dienkhanh.chutich");
    expect((await self.sendExplanations({ assessmentId: a.id, rows: [] })).ok).toBe(true);
    await actAs("khanhhoa.thamdinh");
    const explained = await t.db.assessmentScore.findMany({ where: { assessmentId: a.id, explanation: { not: null } } });
    if (explained.length) expect((await appraisal.decideExplanations({ assessmentId: a.id, rows: explained.map((s) => ({ scoreId: s.id, decision: "REJECTED" as const })) })).ok).toBe(true);
    const r = await appraisal.finalizeAssessment({ assessmentId: a.id });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect((r as { data: { parReportStatus: string } }).data.parReportStatus).toBe("DRAFT");

    const final = await t.db.assessment.findUniqueOrThrow({ where: { id: a.id } });
    const after = await t.db.indicatorValue.findUniqueOrThrow({ where: { id: before.id } });
    expect(Number(after.value)).toBe(Number(final.finalTotal));
    expect(after.version).toBe(before.version + 1);
    expect(after.note).toMatch(/theo kết quả thẩm định Chỉ số CCHC năm 2025/);
    const trail = await t.db.auditLog.findFirstOrThrow({ where: { entityId: before.id, action: "assessment.final" } });
    expect(trail.before).toMatchObject({ value: 70 });
    expect(trail.after).toMatchObject({ value: Number(final.finalTotal), reportStatus: "DRAFT" });
    // No report on file, so nothing to flag: the report shows the live figure.
    const shown = await loadReport(await actorFor("dienkhanh.chutich"), a.communeId, 2025, 4);
    expect(shown.snapshot).toBeNull();
    expect(shown.plans.flatMap((p) => p.indicators).find((i) => i.id === par.id)?.current?.value).toBe(Number(final.finalTotal));
  });
});

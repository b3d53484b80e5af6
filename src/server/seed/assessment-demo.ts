// Demo PAR Index self-assessments: the demo criteria set (plainly titled as a demo, not an
// official set) issued by each demo commune's province for the commune's plan year, and the
// four communes' assessments in different states: Tân Đức final, Tây Thuận submitted and
// awaiting appraisal, Diên Khánh appraised and awaiting its explanation, Hành Dũng still
// self-scoring (two sub-criteria left for the clerk). Scores are invented and flagged isDemo.
import type { Prisma } from "@/generated/prisma/client";
import { addScores, DEFAULT_BANDS, parseCriteriaText, scoreByRule, type FigureRule } from "@/domain/assessment";
import { seededRandom } from "@/domain/random";
import { DEMO_CRITERIA_TEXT, DEMO_SET_TITLE } from "@/server/assessment/demo-criteria";
import { writeStructure } from "@/server/assessment/structure-store";

type Tx = Prisma.TransactionClient;

interface DemoAssessment {
  commune: string;
  year: number;
  state: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED";
}

export const DEMO_ASSESSMENTS: DemoAssessment[] = [
  { commune: "Xã Tân Đức", year: 2024, state: "APPROVED" },
  { commune: "Xã Hành Dũng", year: 2025, state: "DRAFT" },
  { commune: "Xã Diên Khánh", year: 2025, state: "RETURNED" },
  { commune: "Xã Tây Thuận", year: 2025, state: "SUBMITTED" },
];

/** Sub-criteria (area.code) Hành Dũng has left for the clerk in the demo. */
export const DEMO_LEFT_TO_SCORE = ["VII.1.1", "III.4.2"];

const addDays = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n));

export async function seedAssessmentDemo(tx: Tx): Promise<void> {
  const structure = parseCriteriaText(DEMO_CRITERIA_TEXT).structure;
  const random = seededRandom(19);
  for (const demo of DEMO_ASSESSMENTS) {
    const commune = await tx.orgUnit.findFirstOrThrow({ where: { name: demo.commune }, include: { parent: true } });
    const province = commune.parent!.level === "PROVINCE" ? commune.parent! : await tx.orgUnit.findUniqueOrThrow({ where: { id: commune.parent!.parentId! } });
    const reviewer = await tx.user.findFirstOrThrow({ where: { orgUnitId: province.id, role: "REVIEWER" } });
    const chairman = await tx.user.findFirstOrThrow({ where: { orgUnitId: commune.id, role: "CHAIRMAN" } });
    const staff = await tx.user.findFirstOrThrow({ where: { orgUnitId: commune.id, role: "COMMUNE_STAFF" } });
    const publishedAt = new Date(Date.UTC(demo.year, 9, 1));
    const set = await tx.assessmentSet.create({
      data: { issuerUnitId: province.id, year: demo.year, title: `${DEMO_SET_TITLE} – năm ${demo.year}`, status: "PUBLISHED", publishedAt, bands: DEFAULT_BANDS as unknown as Prisma.InputJsonValue, isDemo: true },
    });
    await writeStructure(tx, set.id, structure);
    const subs = await tx.assessmentSubCriterion.findMany({
      where: { criterion: { area: { setId: set.id } } },
      orderBy: { position: "asc" },
      include: { criterion: { select: { area: { select: { code: true } } } } },
    });
    const submittedAt = new Date(Date.UTC(demo.year, 10, 20));
    const appraisedAt = new Date(Date.UTC(demo.year, 11, 5));
    const today = new Date();
    const explainDueDate = demo.state === "APPROVED" ? new Date(Date.UTC(demo.year, 11, 15)) : demo.state === "RETURNED" ? addDays(today, 14) : null;
    const assessment = await tx.assessment.create({ data: { setId: set.id, communeId: commune.id, isDemo: true, status: demo.state, createdAt: publishedAt } });
    const rows: Prisma.AssessmentScoreCreateManyInput[] = [];
    const selfScores: number[] = [];
    const finals: number[] = [];
    for (const s of subs) {
      const key = `${s.criterion.area.code}.${s.code}`;
      const max = Number(s.maxPoints);
      const step = s.allowHalf ? 0.5 : 1;
      const rule = s.figureRule as unknown as FigureRule | null;
      const r = random();
      let self: number | null = rule ? scoreByRule(rule, 60 + Math.round(r * 40)) : r < 0.7 ? max : Math.max(0, max - step);
      if (s.scoredBy === "PROVINCE") self = null;
      if (demo.state === "DRAFT" && DEMO_LEFT_TO_SCORE.includes(key)) self = null;
      const appraised = demo.state === "DRAFT" || demo.state === "SUBMITTED" ? null : s.scoredBy === "PROVINCE" ? Math.max(0, max - (random() < 0.5 ? step : 0)) : random() < 0.15 ? Math.max(0, (self ?? 0) - step) : self;
      const lowered = appraised !== null && self !== null && appraised < self;
      const final = demo.state === "APPROVED" ? appraised : null;
      if (self !== null) selfScores.push(self);
      if (final !== null) finals.push(final);
      rows.push({
        assessmentId: assessment.id,
        subCriterionId: s.id,
        selfScore: self,
        selfNote: self !== null && self > 0 ? `Dữ liệu mẫu: ${s.expectedEvidence ?? "đã có hồ sơ lưu tại Văn phòng"}.` : null,
        appraisedScore: appraised,
        appraisalComment: lowered ? "Tài liệu kiểm chứng chưa thể hiện đầy đủ kết quả (dữ liệu mẫu)." : null,
        explanation: lowered && demo.state === "APPROVED" ? "Xã đã bổ sung văn bản (dữ liệu mẫu)." : null,
        decision: lowered && demo.state === "APPROVED" ? "REJECTED" : null,
        finalScore: final,
        updatedById: staff.id,
      });
    }
    await tx.assessmentScore.createMany({ data: rows });
    const history: { action: string; from: string; to: string; userId: string; at: Date; comment?: string }[] = [];
    if (demo.state !== "DRAFT") history.push({ action: "assessment.submit", from: "DRAFT", to: "SUBMITTED", userId: chairman.id, at: submittedAt });
    if (demo.state === "RETURNED" || demo.state === "APPROVED") history.push({ action: "assessment.appraise", from: "SUBMITTED", to: "RETURNED", userId: reviewer.id, at: appraisedAt, comment: "Hội đồng thẩm định đã chấm lại một số tiêu chí (dữ liệu mẫu)." });
    if (demo.state === "APPROVED") {
      history.push({ action: "assessment.explain", from: "RETURNED", to: "SUBMITTED", userId: chairman.id, at: addDays(appraisedAt, 5) });
      history.push({ action: "assessment.finalize", from: "SUBMITTED", to: "APPROVED", userId: reviewer.id, at: addDays(appraisedAt, 12) });
    }
    for (const h of history) {
      await tx.reviewDecision.create({ data: { communeId: commune.id, assessmentId: assessment.id, action: h.action, fromStatus: h.from as never, toStatus: h.to as never, comment: h.comment ?? null, userId: h.userId, createdAt: h.at } });
    }
    await tx.assessment.update({
      where: { id: assessment.id },
      data: {
        submittedAt: demo.state === "DRAFT" ? null : submittedAt,
        appraisedAt: demo.state === "RETURNED" || demo.state === "APPROVED" ? appraisedAt : null,
        explainDueDate,
        explainedAt: demo.state === "APPROVED" ? addDays(appraisedAt, 5) : null,
        finalizedAt: demo.state === "APPROVED" ? addDays(appraisedAt, 12) : null,
        selfTotal: demo.state === "DRAFT" ? null : addScores(selfScores),
        finalTotal: demo.state === "APPROVED" ? addScores(finals) : null,
      },
    });
  }
}

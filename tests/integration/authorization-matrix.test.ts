// The authorization matrix: every server action and route handler in src (found by scanning,
// so a new one without an entry in tests/support/endpoints.ts fails here), called
// directly as every demo role, for the caller's own commune and for another commune. What is
// expected comes from PERMISSIONS plus the endpoint's scope rule (`mayCall`), never from a
// hand-written table: only what the role may do succeeds, and a refused call writes nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { setupTestDb } from "../support/demo-db";
import { actAs, formData } from "../support/actors";
import { explainRedRows } from "../support/explain";
import { parsedPlan, parsedTask } from "../support/parsed-plan";
import { communeFingerprint, dbFingerprint, VIETNAMESE } from "../support/fingerprint";
import { DEMO_PASSWORD } from "@/server/seed/demo";
import type { Actor } from "@/server/auth/actor";
import { communeIdsInScope } from "@/server/auth/guard";
import { ENDPOINTS, mayCall } from "../support/endpoints";
import { saveFile } from "@/server/evidence/storage";
import * as reportActions from "@/server/reports/actions";
import * as historyActions from "@/server/reports/history-actions";
import * as sectionActions from "@/server/reports/section-actions";
import * as reviewActions from "@/server/review/actions";
import * as baselineActions from "@/server/reports/baseline-actions";
import * as calendarActions from "@/server/calendar/actions";
import * as notificationActions from "@/server/notifications/actions";
import * as accountActions from "@/server/account/actions";
import * as planReviewActions from "@/server/admin/plan-review";
import * as adminActions from "@/server/admin/actions";
import * as evidenceActions from "@/server/evidence/actions";
import * as importActions from "@/server/plans/import-actions";
import * as editActions from "@/server/plans/edit-actions";
import * as unitActions from "@/server/units/actions";
import * as evidenceRoute from "@/app/api/minh-chung/[id]/route";
import * as dashboardXlsxRoute from "@/app/api/tong-quan/xlsx/route";
import * as comparisonXlsxRoute from "@/app/api/so-sanh/xlsx/route";
import * as reportDocxRoute from "@/app/api/bao-cao/docx/route";
import * as reportXlsxRoute from "@/app/api/bao-cao/xlsx/route";
import * as reviewXlsxRoute from "@/app/api/xet-duyet/xlsx/route";
import * as surveyActions from "@/server/survey/actions";
import * as setActions from "@/server/assessment/set-actions";
import * as bandActions from "@/server/assessment/band-actions";
import * as structureActions from "@/server/assessment/structure-actions";
import * as selfActions from "@/server/assessment/self-actions";
import * as appraisalActions from "@/server/assessment/appraisal-actions";
import { DEMO_CRITERIA_TEXT } from "@/server/assessment/demo-criteria";
import * as assessmentDocxRoute from "@/app/api/cham-diem/docx/route";
import * as assessmentXlsxRoute from "@/app/api/cham-diem/xlsx/route";
import { parseCriteriaText } from "@/domain/assessment";

// ---- discovery -------------------------------------------------------------------------------

const SRC = path.join(process.cwd(), "src");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(p);
    return /\.(ts|tsx|js|mjs)$/.test(e.name) ? [p] : [];
  });
}

const rel = (p: string) => path.relative(process.cwd(), p).split(path.sep).join("/");

/** Names exported by a module: functions, consts, and `export { a as b }` lists. */
function exportedNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/^export\s+(?:default\s+)?(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm)) names.push(m[1]);
  for (const m of text.matchAll(/^export\s+default\s+(?!(?:async\s+)?function|class)/gm)) if (m) names.push("default");
  for (const m of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of m[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && !name.startsWith("type ")) names.push(name);
    }
  }
  return names;
}

function discoverEndpoints(): { found: string[]; problems: string[] } {
  const found: string[] = [];
  const problems: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, "utf8");
    const id = rel(file);
    if (/["']use server["']/.test(text)) {
      const body = text.replace(/^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, "");
      if (!/^["']use server["']/.test(body)) {
        problems.push(`${id}: "use server" inside a function; put server actions in a "use server" module and register them`);
        continue;
      }
      for (const name of exportedNames(text)) found.push(`${id}#${name}`);
    }
    if (/(^|\/)app\/.*\/route\.(ts|tsx|js)$/.test(id)) {
      for (const name of exportedNames(text)) if (HTTP_METHODS.includes(name)) found.push(`${id}#${name}`);
    }
  }
  return { found: found.sort(), problems };
}

// ---- fixtures ---------------------------------------------------------------------------------

const t = setupTestDb();
let uploadDir: string;
const savedUploadDir = process.env.UPLOAD_DIR;
let demoHash: string;

interface Commune {
  id: string;
  name: string;
  parentId: string;
  planId: string;
  taskId: string;
  staffId: string;
}

const YEAR = 2025;
const OPEN_QUARTER = 4;
const ROLES = [
  { role: "COMMUNE_STAFF", username: "hanhdung.canbo" },
  { role: "CHAIRMAN", username: "hanhdung.chutich" },
  { role: "REVIEWER", username: "nghiahanh.thamdinh" },
  { role: "ADMIN", username: "admin" },
] as const;
/** Hành Dũng is the commune of the commune users and under the reviewer; Diên Khánh is neither. */
const OWN = "Xã Hành Dũng";
const OTHER = "Xã Diên Khánh";
const communes: Record<"own" | "other", Commune> = {} as never;

let counter = 0;
const next = () => ++counter;

async function loadCommune(name: string): Promise<Commune> {
  const unit = await t.db.orgUnit.findFirstOrThrow({ where: { name } });
  const plan = await t.db.plan.findFirstOrThrow({ where: { communeId: unit.id, year: YEAR } });
  const task = await t.db.task.findFirstOrThrow({ where: { planId: plan.id }, orderBy: { position: "asc" } });
  const staff = await t.db.user.findFirstOrThrow({ where: { orgUnitId: unit.id, role: "COMMUNE_STAFF" } });
  return { id: unit.id, name: unit.name, parentId: unit.parentId!, planId: plan.id, taskId: task.id, staffId: staff.id };
}

async function period() {
  return t.db.reportingPeriod.upsert({ where: { year_quarter: { year: YEAR, quarter: OPEN_QUARTER } }, update: {}, create: { year: YEAR, quarter: OPEN_QUARTER } });
}

/** The commune's report for the open quarter, in the given state. */
async function reportIn(communeId: string, status: "DRAFT" | "SUBMITTED") {
  const p = await period();
  return t.db.quarterlyReport.upsert({
    where: { communeId_periodId: { communeId, periodId: p.id } },
    update: { status, submittedAt: status === "SUBMITTED" ? new Date() : null },
    create: { communeId, periodId: p.id, status, submittedAt: status === "SUBMITTED" ? new Date() : null },
  });
}

async function progressRow(c: Commune) {
  const report = await reportIn(c.id, "DRAFT");
  return t.db.taskProgress.upsert({
    where: { taskId_periodId: { taskId: c.taskId, periodId: report.periodId } },
    update: {},
    create: { taskId: c.taskId, periodId: report.periodId, reportId: report.id, status: "NOT_STARTED" },
  });
}

/** A draft plan of the commune with a section, two tasks and an indicator, made directly. */
async function freshPlan(c: Commune) {
  const plan = await t.db.plan.create({ data: { communeId: c.id, year: 2026, kind: "OTHER", title: `Kế hoạch thử ${next()}` } });
  const section = await t.db.planSection.create({ data: { planId: plan.id, code: "I", title: "Mục thử", position: 0 } });
  const task1 = await t.db.task.create({ data: { planId: plan.id, sectionId: section.id, code: "1", content: "Nhiệm vụ một", position: 1 } });
  const task2 = await t.db.task.create({ data: { planId: plan.id, sectionId: section.id, code: "2", content: "Nhiệm vụ hai", position: 2 } });
  const indicator = await t.db.indicator.create({ data: { planId: plan.id, sectionId: section.id, code: "3", name: "Chỉ tiêu thử", position: 3 } });
  return { plan, section, task1, task2, indicator };
}

async function freshUnit(c: Commune) {
  const name = `Ban thử ${next()}`;
  return t.db.responsibleUnit.create({ data: { communeId: c.id, name, normalizedName: name.toLowerCase().replace("ử", "u") } });
}

async function freshUser(c: Commune) {
  return t.db.user.create({ data: { username: `nguoi.thu.${next()}`, fullName: "Người Thử", role: "COMMUNE_STAFF", orgUnitId: c.id, passwordHash: demoHash } });
}

const pdfBlob = () => new Blob([new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")], { type: "application/pdf" });

interface Outcome {
  ok: boolean;
  error: string;
  data?: unknown;
  headers?: Headers;
}
type Call = () => Promise<Outcome>;
interface Ctx {
  target: Commune;
  actor: Actor;
}
type Fixture = ((ctx: Ctx) => Promise<Call>) | { skip: string };

const fromAction = (run: () => Promise<{ ok: boolean; error?: string; data?: unknown }>): Call => async () => {
  try {
    const r = await run();
    return { ok: r.ok, error: r.ok ? "" : (r.error ?? ""), data: r.ok ? r.data : undefined };
  } catch (error) {
    // redirect() after a successful write (the *AndEdit / *AndList form variants).
    if (String((error as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT")) return { ok: true, error: "" };
    throw error;
  }
};
const fromResponse = (run: () => Promise<Response>): Call => async () => {
  const res = await run();
  const ok = res.status === 200;
  return { ok, error: ok ? "" : await res.text(), data: ok ? Buffer.from(await res.arrayBuffer()) : undefined, headers: res.headers };
};

/** A survey of the commune (Q4 of the matrix year) with one answer carrying a comment. */
async function freshSurvey(c: Commune) {
  const survey = await t.db.survey.create({
    data: { communeId: c.id, code: `MX${next()}AB`, title: "Khảo sát thử", year: YEAR, startsOn: new Date(`${YEAR}-10-01`), endsOn: new Date(`${YEAR}-12-31`), createdById: c.staffId, requireReceiptCode: true },
  });
  const response = await t.db.surveyResponse.create({
    data: { surveyId: survey.id, submissionToken: `tok-${next()}-xxxxxxxx`, access: 2, procedure: 4, officials: 5, result: 4, reasons: ["cho-lau"], comment: "Phải chờ lâu", commentStatus: "PENDING", deviceHash: "d", addressHash: "a", createdAt: new Date(`${YEAR}-11-15T03:00:00Z`) },
  });
  return { survey, response };
}

const SURVEY_PUBLIC = { skip: "public by design (citizens' form, open data); tested in tests/integration/survey.test.ts and tests/e2e/survey.spec.ts" } as const;

const plan = (fn: (p: Awaited<ReturnType<typeof freshPlan>>, c: Commune) => Call): Fixture => async ({ target }) => fn(await freshPlan(target), target);

// ---- PAR Index assessment fixtures (issue 19) -------------------------------------------------

/** Years for sets made through the action (2000–2100), apart from those made directly. */
let setYear = 2040;
let directSetYear = 3000;
/** A criteria set made directly: a reviewer's own unit issues it (their sets are the only ones they manage), else the commune's parent unit. */
async function freshSet(target: Commune, actor: Actor, status: "DRAFT" | "PUBLISHED", full = false) {
  const issuerUnitId = actor.role === "REVIEWER" ? actor.orgUnitId : target.parentId;
  const set = await t.db.assessmentSet.create({ data: { issuerUnitId, year: directSetYear++, title: `Bộ thử ${next()}`, status, bands: [] } });
  if (full) {
    const { writeStructure } = await import("@/server/assessment/structure-store");
    await t.db.$transaction((tx) => writeStructure(tx, set.id, parseCriteriaText(DEMO_CRITERIA_TEXT).structure));
  } else {
    const area = await t.db.assessmentArea.create({ data: { setId: set.id, code: "I", title: "Lĩnh vực thử", position: 0 } });
    const criterion = await t.db.assessmentCriterion.create({ data: { areaId: area.id, code: "1", title: "Tiêu chí thử", position: 1 } });
    await t.db.assessmentSubCriterion.create({ data: { criterionId: criterion.id, code: "1.1", text: "Tiêu chí thành phần thử", maxPoints: 2, allowHalf: true, position: 2 } });
  }
  return set;
}

/** The target commune's assessment of a fresh published set, in the given stage. */
async function freshAssessment(target: Commune, actor: Actor, stage: "DRAFT" | "SUBMITTED" | "RETURNED" | "EXPLAINED", score: Record<string, unknown> = {}) {
  const set = await freshSet(target, actor, "PUBLISHED");
  const sub = await t.db.assessmentSubCriterion.findFirstOrThrow({ where: { criterion: { area: { setId: set.id } } } });
  const appraised = stage === "RETURNED" || stage === "EXPLAINED";
  const assessment = await t.db.assessment.create({
    data: {
      setId: set.id,
      communeId: target.id,
      status: stage === "EXPLAINED" ? "SUBMITTED" : stage,
      appraisedAt: appraised ? new Date() : null,
      explainDueDate: appraised ? new Date("2099-12-31") : null,
    },
  });
  const row = await t.db.assessmentScore.create({
    data: { assessmentId: assessment.id, subCriterionId: sub.id, selfScore: stage === "DRAFT" ? null : 2, selfNote: "Có hồ sơ lưu", appraisedScore: appraised ? 1 : null, ...score },
  });
  return { set, assessment, row };
}

const FIXTURES: Record<string, Fixture> = {
  "src/app/api/cham-diem/docx/route.ts#GET": async ({ target }) => {
    const a = await t.db.assessment.findFirstOrThrow({ where: { communeId: target.id, isDemo: true } });
    return fromResponse(() => assessmentDocxRoute.GET(new Request(`http://localhost/api/cham-diem/docx?id=${a.id}`)));
  },
  "src/app/api/cham-diem/xlsx/route.ts#GET": async ({ target }) => {
    const a = await t.db.assessment.findFirstOrThrow({ where: { communeId: target.id, isDemo: true } });
    return fromResponse(() => assessmentXlsxRoute.GET(new Request(`http://localhost/api/cham-diem/xlsx?bo=${a.setId}`)));
  },
  "src/server/assessment/set-actions.ts#createAssessmentSet": async ({ target }) =>
    fromAction(() => setActions.createAssessmentSet(null, formData({ year: String(setYear++), title: "Bộ tiêu chí thử", start: "empty", issuerUnitId: target.parentId }))),
  "src/server/assessment/set-actions.ts#createAssessmentSetAndOpen": async ({ target }) =>
    fromAction(() => setActions.createAssessmentSetAndOpen(null, formData({ year: String(setYear++), title: "Bộ tiêu chí thử", start: "demo", issuerUnitId: target.parentId }))),
  "src/server/assessment/set-actions.ts#previewCriteriaImport": async ({ target, actor }) => {
    const set = await freshSet(target, actor, "DRAFT");
    return fromAction(() => setActions.previewCriteriaImport(formData({ setId: set.id, text: DEMO_CRITERIA_TEXT })));
  },
  "src/server/assessment/set-actions.ts#confirmCriteriaImport": async ({ target, actor }) => {
    const set = await freshSet(target, actor, "DRAFT");
    return fromAction(() => setActions.confirmCriteriaImport({ setId: set.id, version: set.version, structure: parseCriteriaText(DEMO_CRITERIA_TEXT).structure }));
  },
  "src/server/assessment/set-actions.ts#updateSubCriterion": async ({ target, actor }) => {
    const set = await freshSet(target, actor, "DRAFT");
    const sub = await t.db.assessmentSubCriterion.findFirstOrThrow({ where: { criterion: { area: { setId: set.id } } } });
    return fromAction(() => setActions.updateSubCriterion(null, formData({ setId: set.id, id: sub.id, text: "Tiêu chí đã sửa", maxPoints: "1,5", scoredBy: "SELF", allowHalf: "on" })));
  },
  "src/server/assessment/set-actions.ts#publishAssessmentSet": async ({ target, actor }) => {
    const set = await freshSet(target, actor, "DRAFT");
    return fromAction(() => setActions.publishAssessmentSet({ setId: set.id, version: set.version }));
  },
  "src/server/assessment/set-actions.ts#amendAssessmentSet": async ({ target, actor }) => {
    const set = await freshSet(target, actor, "PUBLISHED");
    return fromAction(() => setActions.amendAssessmentSet(null, formData({ setId: set.id, reason: "Sửa hướng dẫn chấm" })));
  },
  "src/server/assessment/band-actions.ts#updateBands": async ({ target, actor }) => {
    const set = await freshSet(target, actor, "PUBLISHED");
    return fromAction(() => bandActions.updateBands(null, formData({ setId: set.id, version: String(set.version), label0: "Đạt", min0: "50", label1: "Chưa đạt", min1: "0" })));
  },
  "src/server/assessment/structure-actions.ts#addCriteriaNode": async ({ target, actor }) => {
    const set = await freshSet(target, actor, "DRAFT");
    return fromAction(() => structureActions.addCriteriaNode(null, formData({ setId: set.id, version: String(set.version), kind: "area", code: "II", title: "Lĩnh vực thêm" })));
  },
  "src/server/assessment/self-actions.ts#saveSelfAssessment": async ({ target, actor }) => {
    const { assessment, row } = await freshAssessment(target, actor, "DRAFT");
    return fromAction(() => selfActions.saveSelfAssessment({ assessmentId: assessment.id, rows: [{ scoreId: row.id, version: row.version, selfScore: "1,5", selfNote: "Có hồ sơ" }] }));
  },
  "src/server/assessment/self-actions.ts#attachAssessmentEvidenceFile": async ({ target, actor }) => {
    const { assessment, row } = await freshAssessment(target, actor, "DRAFT");
    const fd = formData({ assessmentId: assessment.id, scoreId: row.id });
    fd.append("file", pdfBlob(), "minh-chung.pdf");
    return fromAction(() => selfActions.attachAssessmentEvidenceFile(fd));
  },
  "src/server/assessment/self-actions.ts#attachAssessmentEvidence": async ({ target, actor }) => {
    const { assessment, row } = await freshAssessment(target, actor, "DRAFT");
    return fromAction(() => selfActions.attachAssessmentEvidence({ assessmentId: assessment.id, scoreId: row.id, docNumber: "Số: 3/KH-UBND", docSummary: "Kế hoạch CCHC" }));
  },
  "src/server/assessment/self-actions.ts#detachAssessmentEvidence": async ({ target, actor }) => {
    const { assessment, row } = await freshAssessment(target, actor, "DRAFT");
    const evidence = await t.db.evidence.create({ data: { communeId: target.id, docNumber: "3/KH-UBND", docSummary: "Kế hoạch", createdById: target.staffId } });
    await t.db.assessmentEvidence.create({ data: { scoreId: row.id, evidenceId: evidence.id } });
    return fromAction(() => selfActions.detachAssessmentEvidence({ assessmentId: assessment.id, scoreId: row.id, evidenceId: evidence.id }));
  },
  "src/server/assessment/self-actions.ts#submitSelfAssessment": async ({ target, actor }) => {
    const { assessment } = await freshAssessment(target, actor, "DRAFT", { selfScore: 2 });
    return fromAction(() => selfActions.submitSelfAssessment({ assessmentId: assessment.id }));
  },
  "src/server/assessment/self-actions.ts#saveExplanations": async ({ target, actor }) => {
    const { assessment, row } = await freshAssessment(target, actor, "RETURNED");
    return fromAction(() => selfActions.saveExplanations({ assessmentId: assessment.id, rows: [{ scoreId: row.id, explanation: "Đã có văn bản bổ sung." }] }));
  },
  "src/server/assessment/self-actions.ts#sendExplanations": async ({ target, actor }) => {
    const { assessment, row } = await freshAssessment(target, actor, "RETURNED");
    return fromAction(() => selfActions.sendExplanations({ assessmentId: assessment.id, rows: [{ scoreId: row.id, explanation: "Đã có văn bản bổ sung." }] }));
  },
  "src/server/assessment/appraisal-actions.ts#saveAppraisal": async ({ target, actor }) => {
    const { assessment, row } = await freshAssessment(target, actor, "SUBMITTED");
    return fromAction(() => appraisalActions.saveAppraisal({ assessmentId: assessment.id, rows: [{ scoreId: row.id, version: row.version, appraisedScore: "1", comment: "Thiếu minh chứng." }] }));
  },
  "src/server/assessment/appraisal-actions.ts#sendAppraisal": async ({ target, actor }) => {
    const { assessment } = await freshAssessment(target, actor, "SUBMITTED", { appraisedScore: 1 });
    return fromAction(() => appraisalActions.sendAppraisal({ assessmentId: assessment.id, explainDueDate: "2099-12-31" }));
  },
  "src/server/assessment/appraisal-actions.ts#decideExplanations": async ({ target, actor }) => {
    const { assessment, row } = await freshAssessment(target, actor, "EXPLAINED", { explanation: "Đã bổ sung." });
    return fromAction(() => appraisalActions.decideExplanations({ assessmentId: assessment.id, rows: [{ scoreId: row.id, decision: "ACCEPTED" }] }));
  },
  "src/server/assessment/appraisal-actions.ts#finalizeAssessment": async ({ target, actor }) => {
    const { assessment } = await freshAssessment(target, actor, "EXPLAINED", { explanation: "Đã bổ sung.", decision: "REJECTED" });
    return fromAction(() => appraisalActions.finalizeAssessment({ assessmentId: assessment.id }));
  },
  "src/server/reports/actions.ts#saveReport": async ({ target }) => {
    const row = await progressRow(target);
    return fromAction(() =>
      reportActions.saveReport({
        year: YEAR,
        quarter: OPEN_QUARTER,
        tasks: [{ taskId: target.taskId, version: row.version, status: row.status === "IN_PROGRESS" ? "DONE" : "IN_PROGRESS", resultText: "Đã triển khai" }],
      }),
    );
  },
  "src/server/reports/section-actions.ts#reportParts": async ({ target }) => {
    const plan = await t.db.plan.findFirstOrThrow({ where: { communeId: target.id, year: YEAR }, select: { id: true } });
    return fromAction(() => sectionActions.reportParts({ year: YEAR, quarter: OPEN_QUARTER, parts: [plan.id] }));
  },
  "src/server/reports/history-actions.ts#rowHistory": async ({ target }) => {
    await progressRow(target);
    return fromAction(() => historyActions.rowHistory({ year: YEAR, quarter: OPEN_QUARTER, kind: "task", rowId: target.taskId }));
  },
  "src/server/reports/history-actions.ts#rowEvidence": async ({ target }) => {
    await progressRow(target);
    return fromAction(() => historyActions.rowEvidence({ year: YEAR, quarter: OPEN_QUARTER, kind: "task", rowId: target.taskId }));
  },
  "src/server/reports/history-actions.ts#restoreRowValue": async ({ target }) => {
    const row = await progressRow(target);
    // An earlier value in the row's history that differs from the stored one.
    const entry = await t.db.auditLog.create({
      data: { communeId: target.id, entity: "TaskProgress", entityId: row.id, action: "update", after: { status: row.status === "DONE" ? "IN_PROGRESS" : "DONE", resultText: "Giá trị cũ", reason: null, cause: null, remedy: null } },
    });
    return fromAction(() => historyActions.restoreRowValue({ year: YEAR, quarter: OPEN_QUARTER, kind: "task", rowId: target.taskId, auditId: entry.id, version: row.version }));
  },
  "src/server/reports/actions.ts#submitReport": async ({ target, actor }) => {
    await reportIn(target.id, "DRAFT");
    if (actor.orgLevel === "COMMUNE") {
      await reportIn(actor.orgUnitId, "DRAFT");
      // Issue 17: red rows need their reasons, or the submission is refused for that instead.
      await explainRedRows(t, actor.username, YEAR, OPEN_QUARTER);
    }
    return fromAction(() => reportActions.submitReport({ year: YEAR, quarter: OPEN_QUARTER, communeId: target.id } as never));
  },
  "src/server/review/actions.ts#decideSubmission": async ({ target }) => {
    const report = await reportIn(target.id, "SUBMITTED");
    return fromAction(() => reviewActions.decideSubmission({ subjectType: "report", subjectId: report.id, decision: "return", comment: "Cần bổ sung minh chứng." }));
  },
  "src/server/review/actions.ts#decideSubmissionForm": async ({ target }) => {
    const report = await reportIn(target.id, "SUBMITTED");
    return fromAction(() =>
      reviewActions.decideSubmissionForm(null, formData({ subjectType: "report", subjectId: report.id, decision: "return", comment: "Cần bổ sung minh chứng." })),
    );
  },
  "src/server/review/actions.ts#submitPlan": plan((p) => fromAction(() => reviewActions.submitPlan({ planId: p.plan.id }))),
  "src/server/calendar/actions.ts#setReportingDeadline": async ({ target }) =>
    fromAction(() => calendarActions.setReportingDeadline(null, formData({ year: String(YEAR), quarter: String(OPEN_QUARTER), dueDate: "10/12/2025", orgUnitId: target.id }))),
  "src/server/calendar/actions.ts#setDeadlineRule": async ({ target }) =>
    fromAction(() => calendarActions.setDeadlineRule(null, formData({ dayOfMonth: "15", monthOffset: "0", orgUnitId: target.id }))),
  "src/server/notifications/actions.ts#openNotification": async ({ target, actor }) => {
    // Scope "self": the caller's own notice (another user's is refused, see notifications.test.ts).
    const n = await t.db.notification.create({ data: { userId: actor.id, communeId: target.id, kind: "reminder", eventKey: `matrix:${next()}`, title: "Thông báo thử", link: "/thong-bao" } });
    return fromAction(() => notificationActions.openNotification(formData({ id: n.id })));
  },
  "src/server/notifications/actions.ts#markAllNotificationsRead": async () => fromAction(() => notificationActions.markAllNotificationsRead(null, formData({}))),
  "src/server/notifications/actions.ts#saveEmailPreferences": async ({ target }) =>
    fromAction(() => notificationActions.saveEmailPreferences(null, formData({ email: "thu@example.vn", emailMode: "DAILY_DIGEST", userId: target.staffId }))),
  "src/server/notifications/actions.ts#remindCommunes": async ({ target }) =>
    fromAction(() => notificationActions.remindCommunes(null, formData({ year: String(YEAR + 1), quarter: "1", communeId: target.id, message: "Đề nghị xã nộp báo cáo." }))),
  "src/server/review/actions.ts#amendPlan": async ({ target }) => {
    const p = await freshPlan(target);
    await t.db.plan.update({ where: { id: p.plan.id }, data: { status: "APPROVED" } });
    return fromAction(() => reviewActions.amendPlan({ planId: p.plan.id, reason: "Điều chỉnh theo chỉ đạo của tỉnh" }));
  },
  "src/server/account/actions.ts#changePassword": async ({ target }) =>
    fromAction(() =>
      accountActions.changePassword(null, formData({ currentPassword: DEMO_PASSWORD, newPassword: "MatKhauMoi@2026", confirmPassword: "MatKhauMoi@2026", userId: target.staffId })),
    ),
  "src/server/account/actions.ts#signOutEverywhere": async () => fromAction(() => accountActions.signOutEverywhere(null, formData({}))),
  // Issue 17: a fresh "lower than last year" indicator without last year's figure, per call.
  "src/server/reports/baseline-actions.ts#setIndicatorBaseline": async ({ target }) => {
    const indicator = await t.db.indicator.create({ data: { planId: target.planId, name: `Giảm số lượng (thử ${next()})`, targetRule: "LOWER_THAN_LAST_YEAR", position: 9000 + next() } });
    return fromAction(() => baselineActions.setIndicatorBaseline({ indicatorId: indicator.id, value: "6" }));
  },
  "src/server/account/actions.ts#setSubmitPermission": async ({ target }) =>
    fromAction(() => accountActions.setSubmitPermission({ userId: target.staffId, allowed: true })),
  // Set to what it is (review on): the call is authorized and audited, and changes nothing the other fixtures rely on.
  "src/server/admin/plan-review.ts#setProvinceReviewsPlans": async () => {
    const province = await t.db.orgUnit.findFirstOrThrow({ where: { level: "PROVINCE" }, orderBy: { name: "asc" } });
    return fromAction(() => planReviewActions.setProvinceReviewsPlans(null, formData({ provinceId: province.id, reviewsPlans: "true" })));
  },
  "src/server/admin/actions.ts#createOrgUnit": async ({ target }) =>
    fromAction(() => adminActions.createOrgUnit(null, formData({ name: `Xã Thử ${next()}`, level: "COMMUNE", parentId: target.parentId }))),
  "src/server/admin/actions.ts#updateOrgUnit": async ({ target }) =>
    fromAction(() => adminActions.updateOrgUnit(null, formData({ id: target.id, name: `${target.name} (sửa ${next()})`, level: "COMMUNE", parentId: target.parentId }))),
  "src/server/admin/actions.ts#createResponsibleUnit": async ({ target }) =>
    fromAction(() => adminActions.createResponsibleUnit(null, formData({ communeId: target.id, name: `Ban thử ${next()}` }))),
  "src/server/units/actions.ts#createUnit": async ({ target }) =>
    fromAction(() => unitActions.createUnit(null, formData({ communeId: target.id, name: `Tổ công tác thử ${next()}`, kind: "OTHER" }))),
  "src/server/units/actions.ts#updateUnit": async ({ target }) => {
    const unit = await freshUnit(target);
    return fromAction(() => unitActions.updateUnit(null, formData({ id: unit.id, version: "0", name: `${unit.name} (đổi tên)`, kind: "DEPARTMENT", active: "on" })));
  },
  "src/server/units/actions.ts#mergeUnits": async ({ target }) => {
    const [a, b] = [await freshUnit(target), await freshUnit(target)];
    return fromAction(() => unitActions.mergeUnits(null, formData({ sourceId: a.id, targetId: b.id })));
  },
  "src/server/admin/actions.ts#createUser": async ({ target }) =>
    fromAction(() =>
      adminActions.createUser(null, formData({ username: `moi.${next()}`, fullName: "Người Mới", role: "COMMUNE_STAFF", orgUnitId: target.id, password: "MatKhau@2026" })),
    ),
  "src/server/admin/actions.ts#updateUser": async ({ target }) => {
    const user = await freshUser(target);
    return fromAction(() => adminActions.updateUser(null, formData({ id: user.id, fullName: "Người Đã Sửa", role: "COMMUNE_STAFF", orgUnitId: target.id, active: "on" })));
  },
  "src/server/admin/actions.ts#resetPassword": async ({ target }) => {
    const user = await freshUser(target);
    return fromAction(() => adminActions.resetPassword(null, formData({ id: user.id, password: "MatKhau@2026" })));
  },
  "src/server/evidence/actions.ts#attachEvidenceFile": async ({ target }) => {
    await reportIn(target.id, "DRAFT");
    const fd = formData({ year: String(YEAR), quarter: String(OPEN_QUARTER), kind: "task", rowId: target.taskId });
    fd.append("file", pdfBlob(), "bao-cao.pdf");
    return fromAction(() => evidenceActions.attachEvidenceFile(fd));
  },
  "src/server/evidence/actions.ts#attachEvidenceReference": async ({ target }) => {
    await reportIn(target.id, "DRAFT");
    return fromAction(() =>
      evidenceActions.attachEvidenceReference({ year: YEAR, quarter: OPEN_QUARTER, kind: "task", rowId: target.taskId, docNumber: "Số: 12/BC-UBND", docSummary: "Báo cáo kết quả" }),
    );
  },
  "src/server/evidence/actions.ts#deleteEvidence": async ({ target, actor }) => {
    const row = await progressRow(target);
    const evidence = await t.db.evidence.create({
      data: { communeId: target.id, taskProgressId: row.id, docNumber: "1/BC-UBND", docSummary: "Báo cáo", createdById: actor.id },
    });
    return fromAction(() => evidenceActions.deleteEvidence({ id: evidence.id }));
  },
  "src/server/plans/import-actions.ts#previewPlanImport": async ({ target }) =>
    fromAction(() => importActions.previewPlanImport(formData({ text: "STT\tNội dung\tThời gian\n1\tRà soát thủ tục hành chính\tQuý II", communeId: target.id }))),
  "src/server/plans/import-actions.ts#confirmPlanImport": async ({ target }) =>
    fromAction(() =>
      importActions.confirmPlanImport({
        communeId: target.id,
        sourceText: null,
        sourceName: null,
        plan: parsedPlan([parsedTask()]),
      } as never),
    ),
  "src/server/plans/edit-actions.ts#createPlan": async ({ target }) =>
    fromAction(() => editActions.createPlan(null, formData({ title: "Kế hoạch viết tay", kind: "OTHER", year: "2026", communeId: target.id }))),
  "src/server/plans/edit-actions.ts#createPlanAndEdit": async ({ target }) =>
    fromAction(() => editActions.createPlanAndEdit(null, formData({ title: "Kế hoạch viết tay", kind: "OTHER", year: "2026", communeId: target.id }))),
  "src/server/plans/edit-actions.ts#updatePlan": plan((p) => fromAction(() => editActions.updatePlan(null, formData({ planId: p.plan.id, title: "Kế hoạch đã sửa", kind: "OTHER", year: "2026" })))),
  "src/server/plans/edit-actions.ts#deletePlan": plan((p) => fromAction(() => editActions.deletePlan(null, formData({ planId: p.plan.id })))),
  "src/server/plans/edit-actions.ts#deletePlanAndList": plan((p) => fromAction(() => editActions.deletePlanAndList(null, formData({ planId: p.plan.id })))),
  "src/server/plans/edit-actions.ts#addSection": plan((p) => fromAction(() => editActions.addSection(null, formData({ planId: p.plan.id, title: "Mục mới" })))),
  "src/server/plans/edit-actions.ts#updateSection": plan((p) =>
    fromAction(() => editActions.updateSection(null, formData({ planId: p.plan.id, id: p.section.id, code: "II", title: "Mục đã sửa" }))),
  ),
  "src/server/plans/edit-actions.ts#addTask": plan((p) => fromAction(() => editActions.addTask(null, formData({ planId: p.plan.id, sectionId: p.section.id, content: "Nhiệm vụ mới" })))),
  "src/server/plans/edit-actions.ts#updateTask": plan((p) =>
    fromAction(() => editActions.updateTask(null, formData({ planId: p.plan.id, id: p.task1.id, content: "Nhiệm vụ đã sửa", deadlineText: "Quý III" }))),
  ),
  "src/server/plans/edit-actions.ts#addIndicator": plan((p) =>
    fromAction(() => editActions.addIndicator(null, formData({ planId: p.plan.id, sectionId: p.section.id, name: "Tỷ lệ hồ sơ trực tuyến", targetText: "Từ 80%" }))),
  ),
  "src/server/plans/edit-actions.ts#updateIndicator": plan((p) =>
    fromAction(() => editActions.updateIndicator(null, formData({ planId: p.plan.id, id: p.indicator.id, name: "Chỉ tiêu đã sửa", targetText: "100%" }))),
  ),
  "src/server/plans/edit-actions.ts#moveRow": plan((p) => fromAction(() => editActions.moveRow(null, formData({ planId: p.plan.id, kind: "task", id: p.task2.id, direction: "up" })))),
  "src/server/plans/edit-actions.ts#renumberSection": plan((p) =>
    fromAction(() => editActions.renumberSection(null, formData({ planId: p.plan.id, sectionId: p.section.id, style: "roman" }))),
  ),
  "src/server/plans/edit-actions.ts#deleteRow": plan((p) => fromAction(() => editActions.deleteRow(null, formData({ planId: p.plan.id, kind: "task", id: p.task2.id })))),
  "src/app/api/minh-chung/[id]/route.ts#GET": async ({ target, actor }) => {
    const row = await progressRow(target);
    const storageKey = await saveFile(new Uint8Array(await pdfBlob().arrayBuffer()));
    const evidence = await t.db.evidence.create({
      data: { communeId: target.id, taskProgressId: row.id, fileName: "bao-cao.pdf", storageKey, mimeType: "application/pdf", sizeBytes: 10, createdById: actor.id },
    });
    return fromResponse(() => evidenceRoute.GET(new Request(`http://localhost/api/minh-chung/${evidence.id}`), { params: Promise.resolve({ id: evidence.id }) }));
  },
  "src/app/api/tong-quan/xlsx/route.ts#GET": async ({ target }) =>
    fromResponse(() => dashboardXlsxRoute.GET(new Request(`http://localhost/api/tong-quan/xlsx?nam=${YEAR}&quy=2&xa=${target.id}&communeId=${target.id}`))),
  "src/app/api/so-sanh/xlsx/route.ts#GET": async ({ target }) =>
    fromResponse(() => comparisonXlsxRoute.GET(new Request(`http://localhost/api/so-sanh/xlsx?nam=${YEAR}&quy=2&xa=${target.id}`))),
  "src/app/api/bao-cao/docx/route.ts#GET": async ({ target }) =>
    fromResponse(() => reportDocxRoute.GET(new Request(`http://localhost/api/bao-cao/docx?nam=${YEAR}&quy=2&xa=${target.id}`))),
  "src/app/api/bao-cao/xlsx/route.ts#GET": async ({ target }) =>
    fromResponse(() => reportXlsxRoute.GET(new Request(`http://localhost/api/bao-cao/xlsx?nam=${YEAR}&quy=2&xa=${target.id}`))),
  "src/app/api/xet-duyet/xlsx/route.ts#GET": async ({ target }) =>
    fromResponse(() => reviewXlsxRoute.GET(new Request(`http://localhost/api/xet-duyet/xlsx?nam=${YEAR}&quy=2&xa=${target.id}`))),
  "src/server/survey/actions.ts#createSurvey": async ({ target }) =>
    fromAction(() => surveyActions.createSurvey(null, formData({ title: "Khảo sát quý IV", startsOn: "01/10/2025", endsOn: "31/12/2025", desks: "Quầy Tư pháp", communeId: target.id }))),
  "src/server/survey/actions.ts#updateSurvey": async ({ target }) => {
    const { survey } = await freshSurvey(target);
    return fromAction(() => surveyActions.updateSurvey(null, formData({ surveyId: survey.id, version: "0", open: "on", dossierCount: "1200", marginPercent: "5" })));
  },
  "src/server/survey/actions.ts#generateReceiptCodes": async ({ target }) => {
    const { survey } = await freshSurvey(target);
    return fromAction(() => surveyActions.generateReceiptCodes(null, formData({ surveyId: survey.id, count: "3" })));
  },
  "src/server/survey/actions.ts#moderateComment": async ({ target }) => {
    const { response } = await freshSurvey(target);
    return fromAction(() => surveyActions.moderateComment(null, formData({ responseId: response.id, decision: "APPROVED" })));
  },
  "src/server/survey/actions.ts#setSurveyPublished": async ({ target }) => {
    const { survey } = await freshSurvey(target);
    return fromAction(() => surveyActions.setSurveyPublished(null, formData({ surveyId: survey.id, published: "on" })));
  },
  "src/server/survey/actions.ts#savePublication": async ({ target }) =>
    fromAction(() => surveyActions.savePublication(null, formData({ enabled: "on", showIndicators: "on", communeId: target.id }))),
  "src/server/survey/actions.ts#confirmSipasFigure": async ({ target }) => {
    const { survey } = await freshSurvey(target);
    await reportIn(target.id, "DRAFT");
    const indicator = await t.db.indicator.create({ data: { planId: target.planId, name: "Tỷ lệ hài lòng của người dân (thử)", group: "SIPAS", valueKind: "RATIO", position: 9000 + next() } });
    return fromAction(() =>
      surveyActions.confirmSipasFigure(null, formData({ surveyId: survey.id, indicatorId: indicator.id, quarter: String(OPEN_QUARTER), numerator: "0", denominator: "1", version: "" })),
    );
  },
  "src/app/ks/[code]/route.ts#GET": SURVEY_PUBLIC,
  "src/app/ks/[code]/route.ts#POST": SURVEY_PUBLIC,
  "src/app/ks/[code]/cam-on/route.ts#GET": SURVEY_PUBLIC,
  "src/app/cong-khai/[commune]/du-lieu.csv/route.ts#GET": SURVEY_PUBLIC,
  "src/app/cong-khai/[commune]/du-lieu.json/route.ts#GET": SURVEY_PUBLIC,
  "src/app/api/auth/[...nextauth]/route.ts#GET": { skip: "next-auth's own sign-in endpoints, public by design; sign-in is tested in auth-and-admin and tests/e2e/security.spec.ts" },
  "src/app/api/auth/[...nextauth]/route.ts#POST": { skip: "next-auth's own sign-in endpoints, public by design; sign-in is tested in auth-and-admin and tests/e2e/security.spec.ts" },
};

/** Puts back what an allowed call may change on the callers themselves (password, delegation). */
async function restoreCallers() {
  await t.db.user.updateMany({ where: { username: { in: ROLES.map((r) => r.username) } }, data: { passwordHash: demoHash, active: true } });
  await t.db.user.updateMany({ where: { role: "COMMUNE_STAFF" }, data: { canSubmit: false } });
}

/** "Xã Diên Khánh" -> "dien-khanh", as download names spell a commune. */
const slug = (name: string) =>
  name
    .replace(/^Xã /, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-");

async function workbookText(buffer: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? "")))));
  return cells.join("\n");
}

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-matrix-"));
  process.env.UPLOAD_DIR = uploadDir;
  demoHash = (await t.db.user.findUniqueOrThrow({ where: { username: "admin" } })).passwordHash;
  communes.own = await loadCommune(OWN);
  communes.other = await loadCommune(OTHER);
}, 180_000);

afterAll(async () => {
  await actAs(null);
  process.env.UPLOAD_DIR = savedUploadDir;
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

describe("endpoint registry", () => {
  it("lists every exported server action and route handler in src, and nothing that is not there", () => {
    const { found, problems } = discoverEndpoints();
    expect(problems).toEqual([]);
    const registered = ENDPOINTS.map((e) => e.id).sort();
    const missing = found.filter((id) => !registered.includes(id));
    const stale = registered.filter((id) => !found.includes(id));
    expect(missing, "exported server actions / route handlers without an entry in tests/support/endpoints.ts").toEqual([]);
    expect(stale, "entries in tests/support/endpoints.ts that no longer exist").toEqual([]);
    expect(new Set(registered).size).toBe(registered.length);
    expect(found.length).toBeGreaterThan(30);
  });

  it("has a call for every entry; only public endpoints are left to other tests", () => {
    for (const e of ENDPOINTS) {
      const fixture = FIXTURES[e.id];
      expect(fixture, `no fixture for ${e.id} in the authorization matrix`).toBeDefined();
      if (fixture && "skip" in fixture) expect(e.scope, `${e.id} is skipped but not public`).toBe("public");
    }
  });

  it("every non-public endpoint names a permission from the table", () => {
    for (const e of ENDPOINTS) if (e.scope !== "public") expect(e.permission, e.id).toBeTruthy();
  });
});

describe("authorization matrix", () => {
  const testable = ENDPOINTS.filter((e) => !("skip" in (FIXTURES[e.id] ?? { skip: "" })));

  it("covers every role, the own and another commune", () => {
    expect(testable.length * ROLES.length * 2).toBeGreaterThan(250);
  });

  for (const { role, username } of ROLES) {
    it(`as ${role} (${username}): only what ${role} may do succeeds, and refusals write nothing`, async () => {
      const actor = (await actAs(username))!;
      const inScope = await communeIdsInScope(actor);
      const auditBefore = await t.db.auditLog.findMany({ orderBy: { id: "asc" } });
      const failures: string[] = [];
      let allowed = 0;
      let refused = 0;
      for (const endpoint of testable) {
        for (const which of ["own", "other"] as const) {
          const target = communes[which];
          await restoreCallers();
          const call = await (FIXTURES[endpoint.id] as (ctx: Ctx) => Promise<Call>)({ target, actor });
          const expected = mayCall(endpoint, actor, target.id, inScope);
          const label = `${endpoint.id} as ${role} for ${which} commune (expected ${expected ? "allowed" : "refused"})`;
          const before = expected ? null : await dbFingerprint(t.db);
          // Writes that name the commune they act on (commune-in-scope, target "input": the unit
          // register kept by the admin) change that commune by design; the rest must not.
          const namesItsCommune = endpoint.scope === "commune-in-scope" && endpoint.target === "input";
          const foreignBefore = expected && which === "other" && endpoint.scope !== "system" && !namesItsCommune ? await communeFingerprint(t.db, target.id) : null;
          await actAs(username);
          let outcome: Outcome;
          try {
            outcome = await call();
          } catch (error) {
            failures.push(`${label}: threw ${(error as Error).message}`);
            continue;
          }
          if (expected) {
            allowed++;
            if (!outcome.ok) failures.push(`${label}: refused with "${outcome.error}"`);
            if (foreignBefore !== null) {
              // The input named another commune, and the endpoint acts on the caller's own unit only.
              if ((await communeFingerprint(t.db, target.id)) !== foreignBefore) failures.push(`${label}: changed the other commune's data`);
            }
            if (endpoint.kind === "route" && outcome.ok) {
              // A download is named after, and shows, only communes the caller may see.
              const nowInScope = await communeIdsInScope(actor);
              const outsideUnits = await t.db.orgUnit.findMany({ where: { level: "COMMUNE", id: { notIn: nowInScope } } });
              const disposition = outcome.headers?.get("content-disposition") ?? "";
              if (outsideUnits.some((c) => disposition.includes(slug(c.name)))) failures.push(`${label}: file named after a commune out of scope: ${disposition}`);
              if ((outcome.headers?.get("content-type") ?? "").includes("spreadsheet") && Buffer.isBuffer(outcome.data)) {
                const text = await workbookText(outcome.data);
                const outside = outsideUnits.filter((c) => text.includes(c.name.replace(/^Xã /, "")));
                if (outside.length) failures.push(`${label}: workbook shows communes out of scope: ${outside.map((c) => c.name).join(", ")}`);
              }
            }
          } else {
            refused++;
            if (outcome.ok) failures.push(`${label}: succeeded`);
            else {
              if (!VIETNAMESE.test(outcome.error)) failures.push(`${label}: message not Vietnamese: "${outcome.error}"`);
              if (/lỗi hệ thống/.test(outcome.error)) failures.push(`${label}: crashed instead of refusing: "${outcome.error}"`);
            }
            const after = await dbFingerprint(t.db);
            const changed = Object.keys(after).filter((k) => after[k].md5 !== before![k]?.md5);
            if (changed.length) failures.push(`${label}: wrote to ${changed.join(", ")}`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(allowed + refused).toBe(testable.length * 2);
      // Whatever the calls did, no audit entry was changed or removed.
      const auditAfter = await t.db.auditLog.findMany({ where: { id: { in: auditBefore.map((a) => a.id) } }, orderBy: { id: "asc" } });
      expect(auditAfter).toEqual(auditBefore);
      // Over 60 endpoints × 2 communes, each with its own fixture: more than the default minute on a busy machine.
    }, 240_000);
  }

  it("a signed-out caller is refused everywhere, in Vietnamese, and nothing is written", async () => {
    const admin = (await actAs("admin"))!;
    const failures: string[] = [];
    for (const endpoint of testable) {
      await restoreCallers();
      const call = await (FIXTURES[endpoint.id] as (ctx: Ctx) => Promise<Call>)({ target: communes.own, actor: admin });
      const before = await dbFingerprint(t.db);
      await actAs(null);
      const outcome = await call();
      if (outcome.ok) failures.push(`${endpoint.id}: succeeded signed out`);
      else if (!/đăng nhập/.test(outcome.error)) failures.push(`${endpoint.id}: "${outcome.error}"`);
      const after = await dbFingerprint(t.db);
      const changed = Object.keys(after).filter((k) => after[k].md5 !== before[k]?.md5);
      if (changed.length) failures.push(`${endpoint.id}: wrote to ${changed.join(", ")} signed out`);
    }
    expect(failures).toEqual([]);
  });
});

// Issue 14: an approved report is a record. Approve Q4; then amend a target of the plan, edit
// the still-draft Q3 figure and lose an evidence file of Q4: the approved Q4 report's page data,
// both documents and the reviewer's combined workbook are unchanged, and the report shows the
// three changes made after approval. Reopened and submitted again, it says what is true now.
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { setupTestDb } from "../support/demo-db";
import { actAs, formData } from "../support/actors";
import { explainRedRows } from "../support/explain";
import { unzip } from "../support/zip";
import { loadReport } from "@/server/reports/queries";
import { saveReport, submitReport } from "@/server/reports/actions";
import { amendPlan, decideSubmission, submitPlan } from "@/server/review/actions";
import { attachEvidenceReference, deleteEvidence } from "@/server/evidence/actions";
import { updateIndicator } from "@/server/plans/edit-actions";
import { loadReportDocument } from "@/server/documents/report-content";
import { reportDocx } from "@/server/documents/report-docx";
import { reportWorkbook } from "@/server/documents/report-xlsx";
import { buildDashboard } from "@/server/dashboard/queries";
import { loadComparison } from "@/server/review/comparison";
import { indicatorKey } from "@/domain/comparison";
import * as docxRoute from "@/app/api/bao-cao/docx/route";
import * as xlsxRoute from "@/app/api/bao-cao/xlsx/route";
import * as reviewXlsxRoute from "@/app/api/xet-duyet/xlsx/route";

const t = setupTestDb();
let communeId: string;
let planId: string;
const YEAR = 2025;

beforeAll(async () => {
  const commune = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Hành Dũng" } });
  communeId = commune.id;
  planId = (await t.db.plan.findFirstOrThrow({ where: { communeId } })).id;
});

const get = (route: { GET: (r: Request) => Promise<Response> }, path: string) => route.GET(new Request(`http://localhost${path}`));
async function body(res: Response): Promise<Buffer> {
  expect(res.status, res.status === 200 ? "" : await res.clone().text()).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}
/** The Word document's text part: the core properties carry the generation time, the content does not. */
const docxContent = (b: Buffer) => unzip(b).get("word/document.xml")!.toString("utf8");
async function cells(b: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(b as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => out.push(`${ws.name}|${JSON.stringify(row.values)}`)));
  return out;
}
/** What the report page shows, without the row history (the audit trail, read live by design). */
async function pageData(quarter: number) {
  const actor = await actAs("nghiahanh.thamdinh");
  const data = await loadReport(actor!, communeId, YEAR, quarter);
  const plans = data.plans.map((p) => ({ ...p, indicators: p.indicators.map((i) => ({ ...i, history: [] })), tasks: p.tasks.map((x) => ({ ...x, history: [] })) }));
  const d = buildDashboard(data, quarter, "2026-11-27");
  return { data, plans, verdicts: d.indicators.map((i) => [i.id, i.status, i.result.reason]), overdue: d.tasks.overdue.map((x) => x.id), dashboardRecord: d.record };
}
/** What the reviewer compares for the commune: the approved Q4 figures and verdicts of one indicator. */
async function comparison(name: string) {
  const actor = await actAs("nghiahanh.thamdinh");
  const c = await loadComparison(actor!, YEAR, 4, { keys: [indicatorKey(name)] });
  return c.rows.find((r) => r.communeId === communeId)!.cells[indicatorKey(name)];
}
const VERSION_NOTE = /Báo cáo này được đánh giá theo [^<"]*?phiên bản \d+; kế hoạch đã được điều chỉnh sau đó \(nay là phiên bản \d+\)\./;
async function documents() {
  await actAs("hanhdung.chutich");
  const docx = docxContent(await body(await get(docxRoute, `/api/bao-cao/docx?nam=${YEAR}&quy=4`)));
  const xlsx = await cells(await body(await get(xlsxRoute, `/api/bao-cao/xlsx?nam=${YEAR}&quy=4`)));
  await actAs("nghiahanh.thamdinh");
  const combined = (await cells(await body(await get(reviewXlsxRoute, `/api/xet-duyet/xlsx?nam=${YEAR}&quy=4`)))).filter((r) => r.includes("Hành Dũng"));
  return { docx, xlsx, combined };
}
function ok<T>(r: { ok: boolean; error?: string; data?: T }): T {
  if (!r.ok) throw new Error(r.error);
  return r.data as T;
}

describe("an approved report is a record", () => {
  let ratio: { id: string; name: string; code: string | null; targetText: string | null };
  let evidenceId: string;
  let approved: Awaited<ReturnType<typeof pageData>>;
  let approvedDocs: Awaited<ReturnType<typeof documents>>;
  let approvedComparison: Awaited<ReturnType<typeof comparison>>;

  it("the commune writes Q3 (left a draft) and Q4, submits Q4 against the plan in force, the district approves it", async () => {
    const ind = await t.db.indicator.findFirstOrThrow({ where: { planId, valueKind: "RATIO", targetValue: { not: null } }, orderBy: { position: "asc" } });
    ratio = ind;
    await actAs("hanhdung.canbo");
    ok(await saveReport({ year: YEAR, quarter: 3, indicators: [{ indicatorId: ind.id, version: null, numerator: 40, denominator: 100 }] }));
    ok(await saveReport({ year: YEAR, quarter: 4, indicators: [{ indicatorId: ind.id, version: null, numerator: 90, denominator: 100, note: "Số liệu từ Hệ thống một cửa" }] }));
    evidenceId = ok(await attachEvidenceReference({ year: YEAR, quarter: 4, kind: "indicator", rowId: ind.id, docNumber: "15/BC-UBND", docDate: "2025-12-20", docSummary: "Báo cáo kết quả giải quyết TTHC" })).id;
    await actAs("hanhdung.chutich");
    await explainRedRows(t, "hanhdung.chutich", YEAR, 4);
    ok(await submitReport({ year: YEAR, quarter: 4 }));
    await actAs("nghiahanh.thamdinh");
    const report = await t.db.quarterlyReport.findFirstOrThrow({ where: { communeId, period: { year: YEAR, quarter: 4 } } });
    ok(await decideSubmission({ subjectType: "report", subjectId: report.id, decision: "approve", comment: null }));
    approved = await pageData(4);
    approvedDocs = await documents();
    approvedComparison = await comparison(ind.name);
    // The comparison's year-to-date is the report's: the quarters' counts added up (Q3's 40/100 in it).
    const approvedRow = approved.data.plans[0].indicators.find((i) => i.id === ind.id)!;
    const sum = (k: "numerator" | "denominator") => approvedRow.quarters.reduce((a, q) => a + (q[k] ?? 0), 0);
    expect(approvedComparison).toMatchObject({ numerator: sum("numerator"), denominator: sum("denominator"), status: "NOT_ACHIEVED" });
    expect(approved.verdicts.find((v) => v[0] === ind.id)![1]).toBe("NOT_ACHIEVED");
    expect(approved.data.snapshot).not.toBeNull();
    expect(approved.data.snapshot!.changes).toEqual([]);
    const row = approved.data.plans[0].indicators.find((i) => i.id === ind.id)!;
    expect(row.quarters.find((q) => q.quarter === 3)).toMatchObject({ numerator: 40, denominator: 100 });
    expect(row.evidence.map((e) => e.docNumber)).toEqual(["15/BC-UBND"]);
    // Submitted and approved documents are dated the day of submission and are not drafts.
    expect(approvedDocs.docx).not.toContain("DỰ THẢO");
  });

  it("after approval: a target amended, a draft Q3 figure edited, an evidence file lost — the approved Q4 says what it said", async () => {
    // Amend: the plan in force goes back to the commune with a reason, is edited and approved again.
    await actAs("hanhdung.canbo");
    expect((await updateIndicator(null, formData({ planId, id: ratio.id, code: ratio.code ?? "", name: ratio.name, targetText: "Tối thiểu 30%", valueKind: "RATIO" }))).ok).toBe(false);
    await actAs("hanhdung.chutich");
    ok(await amendPlan({ planId, reason: "Điều chỉnh chỉ tiêu theo Quyết định của tỉnh" }));
    await actAs("hanhdung.canbo");
    ok(await updateIndicator(null, formData({ planId, id: ratio.id, code: ratio.code ?? "", name: ratio.name, targetText: "Tối thiểu 30%", valueKind: "RATIO" })));
    await actAs("hanhdung.chutich");
    ok(await submitPlan({ planId }));
    await actAs("nghiahanh.thamdinh");
    ok(await decideSubmission({ subjectType: "plan", subjectId: planId, decision: "approve", comment: null }));
    expect(await t.db.plan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ status: "APPROVED", versionNo: 2 });
    const versions = await t.db.planVersion.findMany({ where: { planId }, orderBy: { versionNo: "asc" } });
    expect(versions.map((v) => [v.versionNo, v.reason])).toEqual([[1, null], [2, "Điều chỉnh chỉ tiêu theo Quyết định của tỉnh"]]);

    // The still-draft Q3 figure.
    await actAs("hanhdung.canbo");
    const q3 = await t.db.indicatorValue.findFirstOrThrow({ where: { indicatorId: ratio.id, period: { year: YEAR, quarter: 3 } } });
    ok(await saveReport({ year: YEAR, quarter: 3, indicators: [{ indicatorId: ratio.id, version: q3.version, numerator: 10, denominator: 100 }] }));

    // No edit path writes into the approved period: the commune cannot delete its evidence...
    expect(await deleteEvidence({ id: evidenceId })).toMatchObject({ ok: false });
    expect(await saveReport({ year: YEAR, quarter: 4, indicators: [{ indicatorId: ratio.id, version: 0, numerator: 1, denominator: 100 }] })).toMatchObject({ ok: false });
    // ...but a file can still go missing outside the app's edit paths (an operator's clean-up).
    await t.db.evidence.delete({ where: { id: evidenceId } });

    const now = await pageData(4);
    expect(now.plans).toEqual(approved.plans);
    expect(now.verdicts).toEqual(approved.verdicts);
    expect(now.overdue).toEqual(approved.overdue);
    const docs = await documents();
    // The documents say what they said, plus one note: the plan was amended after the report was judged.
    expect(docs.docx).toMatch(VERSION_NOTE);
    expect(docs.docx).toContain("phiên bản 1; kế hoạch đã được điều chỉnh sau đó (nay là phiên bản 2)");
    expect(approvedDocs.docx).not.toMatch(VERSION_NOTE);
    const withoutNote = (xml: string) => xml.replace(/<w:p>(?:(?!<w:p>).)*?Báo cáo này được đánh giá theo(?:(?!<w:p>).)*?<\/w:p>/s, "");
    expect(withoutNote(docs.docx)).toBe(approvedDocs.docx);
    expect(docs.xlsx.filter((r) => !VERSION_NOTE.test(r))).toEqual(approvedDocs.xlsx);
    expect(docs.xlsx.some((r) => VERSION_NOTE.test(r))).toBe(true);
    expect(docs.combined).toEqual(approvedDocs.combined);
    // The reviewer's comparison of the approved quarter reads the record too: the target amended
    // (30% would make it đạt) and the Q3 figure edited change nothing there.
    expect(await comparison(ratio.name)).toEqual(approvedComparison);

    const changes = now.data.snapshot!.changes;
    expect(changes.map((c) => c.what).sort()).toEqual(["Chỉ tiêu (mục tiêu, đơn vị)", "Minh chứng", "Số liệu Quý III"]);
    expect(changes.find((c) => c.what === "Số liệu Quý III")).toMatchObject({ before: "40/100", after: "10/100" });
    expect(changes.find((c) => c.what === "Chỉ tiêu (mục tiêu, đơn vị)")!.after).toContain("Tối thiểu 30%");
    expect(changes.find((c) => c.what === "Minh chứng")).toMatchObject({ after: "đã xóa" });
    expect(now.data.snapshot!.newerPlanVersions).toEqual([{ planId, title: expect.any(String), judgedVersion: 1, currentVersion: 2 }]);
    // The commune's dashboard of that period carries the same flag and list as the report page.
    expect(now.dashboardRecord.report!.status).toBe("APPROVED");
    expect(now.dashboardRecord.snapshot!.changes).toEqual(changes);
    expect(now.dashboardRecord.snapshot!.newerPlanVersions).toHaveLength(1);
  });

  it("reopened with a reason and submitted again, the new record reflects the changes", async () => {
    const report = await t.db.quarterlyReport.findFirstOrThrow({ where: { communeId, period: { year: YEAR, quarter: 4 } } });
    await actAs("nghiahanh.thamdinh");
    expect(await decideSubmission({ subjectType: "report", subjectId: report.id, decision: "reopen", comment: "" })).toMatchObject({ ok: false });
    ok(await decideSubmission({ subjectType: "report", subjectId: report.id, decision: "reopen", comment: "Số liệu quý III và chỉ tiêu đã điều chỉnh" }));
    // Returned: the commune sees the live rows again.
    const open = await pageData(4);
    expect(open.data.snapshot).toBeNull();
    await actAs("hanhdung.chutich");
    await explainRedRows(t, "hanhdung.chutich", YEAR, 4);
    ok(await submitReport({ year: YEAR, quarter: 4 }));
    const again = await pageData(4);
    expect(again.data.snapshot!.changes).toEqual([]);
    expect(again.data.snapshot!.newerPlanVersions).toEqual([]);
    const row = again.data.plans[0].indicators.find((i) => i.id === ratio.id)!;
    expect(row.targetText).toBe("Tối thiểu 30%");
    expect(row.quarters.find((q) => q.quarter === 3)).toMatchObject({ numerator: 10, denominator: 100 });
    expect(row.evidence).toEqual([]);
    expect(await t.db.reportSnapshot.count({ where: { reportId: report.id } })).toBe(2);
  });
});

describe("the document is the one that was sent, judged as of its period", () => {
  it("a submitted report downloaded a day apart is the same; a draft is marked 'dự thảo'", async () => {
    const actor = await actAs("hanhdung.chutich");
    const a = await loadReportDocument(actor!, communeId, YEAR, 2, "2026-11-27");
    const b = await loadReportDocument(actor!, communeId, YEAR, 2, "2026-11-28");
    expect(a.draft).toBe(false);
    expect(a.today).toBe(b.today);
    expect(docxContent(await reportDocx(a))).toBe(docxContent(await reportDocx(b)));
    expect(await cells(await reportWorkbook(a))).toEqual(await cells(await reportWorkbook(b)));
    const draft = await loadReportDocument(actor!, communeId, YEAR, 3, "2026-11-27");
    expect(draft.draft).toBe(true);
    expect(docxContent(await reportDocx(draft))).toContain("DỰ THẢO");
  });

  it("the Q2/2024 report of Tân Đức generated in 2026 calls no task due 31/12/2024 overdue, and is dated when it was submitted", async () => {
    const actor = await actAs("tanduc.chutich");
    const tanDuc = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Tân Đức" } });
    const doc = await loadReportDocument(actor!, tanDuc.id, 2024, 2, "2026-11-27");
    const dueEndOfYear = doc.dashboard.tasks.all.filter((x) => x.dueDate === "2024-12-31" && x.status !== "DONE");
    expect(dueEndOfYear.length).toBeGreaterThan(0);
    expect(dueEndOfYear.filter((x) => x.overdue)).toEqual([]);
    expect(doc.today.startsWith("2024-")).toBe(true);
    expect(docxContent(await reportDocx(doc))).not.toContain("năm 2026");
  });
});

describe("the data cut-off date and tasks finished after the period (issues 16, 14)", () => {
  it("the report's .docx and .xlsx print the cut-off date of the calendar; a report on file keeps the one it was submitted with", async () => {
    const district = (await t.db.orgUnit.findUniqueOrThrow({ where: { id: communeId } })).parentId!;
    const province = (await t.db.orgUnit.findUniqueOrThrow({ where: { id: district } })).parentId!;
    for (const quarter of [2, 3]) {
      await t.db.reportingDeadline.upsert({
        where: { orgUnitId_year_quarter: { orgUnitId: province, year: YEAR, quarter } },
        update: { cutoffDate: new Date(`${YEAR}-0${quarter * 3}-15`) },
        create: { orgUnitId: province, year: YEAR, quarter, dueDate: new Date(`${YEAR}-0${quarter * 3}-20`), cutoffDate: new Date(`${YEAR}-0${quarter * 3}-15`) },
      });
    }
    const actor = await actAs("hanhdung.chutich");
    const draft = await loadReportDocument(actor!, communeId, YEAR, 3, "2026-11-27");
    expect(draft.cutoffDate).toBe(`${YEAR}-09-15`);
    expect(docxContent(await reportDocx(draft))).toContain("Số liệu chốt đến ngày 15/09/2025");
    expect((await cells(await reportWorkbook(draft))).some((r) => r.includes("Số liệu chốt đến ngày 15/09/2025"))).toBe(true);
    // Q2 was submitted (demo) before the district set a cut-off date: its documents do not change.
    const onFile = await loadReportDocument(actor!, communeId, YEAR, 2, "2026-11-27");
    expect(onFile.draft).toBe(false);
    expect(onFile.cutoffDate).toBeNull();
    expect(docxContent(await reportDocx(onFile))).not.toContain("Số liệu chốt");
  });

  it("a task marked done after Q3 ended is not done in the Q3 report, and overdue there; done by 30/9 it is done", async () => {
    // A task of the plan due in Q3 (the demo plan's are due later: one is given a Q3 date here).
    const task = await t.db.task.update({
      where: { id: (await t.db.task.findFirstOrThrow({ where: { planId }, orderBy: { position: "asc" } })).id },
      data: { dueDate: new Date(`${YEAR}-09-15`), deadlineKind: "DATE", deadlineText: "Trước ngày 15/9/2025" },
    });
    await actAs("hanhdung.canbo");
    const existing = await t.db.taskProgress.findFirst({ where: { taskId: task.id, period: { year: YEAR, quarter: 3 } } });
    ok(await saveReport({ year: YEAR, quarter: 3, tasks: [{ taskId: task.id, version: existing?.version ?? null, status: "DONE", resultText: "Đã hoàn thành" }] }));
    const saved = await t.db.taskProgress.findFirstOrThrow({ where: { taskId: task.id, period: { year: YEAR, quarter: 3 } } });
    // Saved today (long after 30/9/2025): recorded as done today.
    expect(saved.completedAt).not.toBeNull();
    const q3 = async () => {
      const actor = await actAs("hanhdung.chutich");
      const doc = await loadReportDocument(actor!, communeId, YEAR, 3, "2026-11-27");
      return doc.dashboard.tasks.all.find((x) => x.id === task.id)!;
    };
    expect(await q3()).toMatchObject({ status: "IN_PROGRESS", overdue: true, doneLater: saved.completedAt!.toISOString().slice(0, 10) });
    // Editing its result later keeps the day it was marked done.
    await actAs("hanhdung.canbo");
    ok(await saveReport({ year: YEAR, quarter: 3, tasks: [{ taskId: task.id, version: saved.version, status: "DONE", resultText: "Đã hoàn thành, có văn bản" }] }));
    expect((await t.db.taskProgress.findUniqueOrThrow({ where: { id: saved.id } })).completedAt).toEqual(saved.completedAt);
    // Finished on 20/9 (as the clerk would record it): done in Q3, not overdue.
    await t.db.taskProgress.update({ where: { id: saved.id }, data: { completedAt: new Date(`${YEAR}-09-20`) } });
    expect(await q3()).toMatchObject({ status: "DONE", overdue: false, doneLater: null });
  });
});

describe("while an amendment is open, the last approved version stays in force", () => {
  it("a report submitted meanwhile is judged against the version in force, and says so once the amendment is approved", async () => {
    const ratio = await t.db.indicator.findFirstOrThrow({ where: { planId, valueKind: "RATIO", targetValue: { not: null } }, orderBy: { position: "asc" } });
    const inForce = await t.db.plan.findUniqueOrThrow({ where: { id: planId } });
    expect(inForce.status).toBe("APPROVED");
    await actAs("hanhdung.chutich");
    ok(await amendPlan({ planId, reason: "Hạ chỉ tiêu theo hướng dẫn mới" }));
    await actAs("hanhdung.canbo");
    ok(await updateIndicator(null, formData({ planId, id: ratio.id, code: ratio.code ?? "", name: ratio.name, targetText: "Tối thiểu 5%", valueKind: "RATIO" })));

    // The Q3 draft reads the version in force (not the pending 5%), and says the plan is being amended.
    const before = await pageData(3);
    const row = () => before.plans[0].indicators.find((i) => i.id === ratio.id)!;
    expect(row().targetText).toBe(ratio.targetText);
    expect(before.data.plans[0]).toMatchObject({ amendmentOpen: true, versionNo: inForce.versionNo });

    // Reports go on: Q3 is submitted and judged against that version.
    await explainRedRows(t, "hanhdung.canbo", YEAR, 3);
    await actAs("hanhdung.chutich");
    ok(await submitReport({ year: YEAR, quarter: 3 }));
    const report = await t.db.quarterlyReport.findFirstOrThrow({ where: { communeId, period: { year: YEAR, quarter: 3 } } });
    const snap = await t.db.reportSnapshot.findFirstOrThrow({ where: { reportId: report.id }, orderBy: { takenAt: "desc" } });
    expect(snap.planVersions).toEqual({ [planId]: inForce.versionNo });
    const submitted = await pageData(3);
    expect(submitted.plans[0].indicators.find((i) => i.id === ratio.id)!.targetText).toBe(ratio.targetText);

    // The amendment approved: the report keeps its judgement and names the newer version.
    await actAs("hanhdung.chutich");
    ok(await submitPlan({ planId }));
    await actAs("nghiahanh.thamdinh");
    ok(await decideSubmission({ subjectType: "plan", subjectId: planId, decision: "approve", comment: null }));
    const after = await pageData(3);
    expect(after.plans[0].indicators.find((i) => i.id === ratio.id)!.targetText).toBe(ratio.targetText);
    expect(after.verdicts).toEqual(submitted.verdicts);
    expect(after.data.snapshot!.newerPlanVersions).toEqual([{ planId, title: expect.any(String), judgedVersion: inForce.versionNo, currentVersion: inForce.versionNo + 1 }]);
  });

  it("a plan never in force still blocks the report", async () => {
    const tanDuc = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Tân Đức" } });
    const plan = await t.db.plan.findFirstOrThrow({ where: { communeId: tanDuc.id, year: 2024 } });
    await t.db.plan.update({ where: { id: plan.id }, data: { status: "DRAFT", versionNo: 0 } });
    const period = await t.db.reportingPeriod.findFirstOrThrow({ where: { year: 2024, quarter: 2 } });
    await t.db.quarterlyReport.updateMany({ where: { communeId: tanDuc.id, periodId: period.id }, data: { status: "RETURNED" } });
    await explainRedRows(t, "tanduc.canbo", 2024, 2);
    await actAs("tanduc.chutich");
    const r = await submitReport({ year: 2024, quarter: 2 });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining("chưa có hiệu lực") });
  });
});

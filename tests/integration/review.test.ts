// Review workflow for plans and reports: every legal and illegal transition, who may make
// it, the recorded history, and the comparison totals.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { actAs } from "../support/actors";
import { decideSubmission, submitPlan } from "@/server/review/actions";
import { saveReport, submitReport } from "@/server/reports/actions";
import { explainRedRows } from "../support/explain";
import { loadComparison } from "@/server/review/comparison";
import { reviewMatrix } from "@/server/review/queries";
import { indicatorKey } from "@/domain/comparison";
import type { SubmissionStatus } from "@/domain/reporting/workflow";

const t = setupTestDb();

const STATES: SubmissionStatus[] = ["DRAFT", "SUBMITTED", "APPROVED", "RETURNED"];
const LEGAL: Record<string, SubmissionStatus[]> = { submit: ["DRAFT", "RETURNED"], approve: ["SUBMITTED"], return: ["SUBMITTED"], reopen: ["APPROVED"] };
const RESULT: Record<string, SubmissionStatus> = { submit: "SUBMITTED", approve: "APPROVED", return: "RETURNED", reopen: "RETURNED" };

async function hanhDungPlan() {
  return t.db.plan.findFirstOrThrow({ where: { commune: { name: "Xã Hành Dũng" } } });
}
async function hanhDungReport(quarter: number) {
  const commune = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Hành Dũng" } });
  const period = await t.db.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year: 2025, quarter } } });
  return t.db.quarterlyReport.upsert({ where: { communeId_periodId: { communeId: commune.id, periodId: period.id } }, update: {}, create: { communeId: commune.id, periodId: period.id } });
}

async function attempt(type: "plan" | "report", id: string, transition: string) {
  if (transition === "submit") {
    await actAs("hanhdung.chutich");
    if (type === "plan") return submitPlan({ planId: id });
    // Reports are submitted against a plan in force; the plan cases above leave it in other states.
    await t.db.plan.updateMany({ where: { commune: { name: "Xã Hành Dũng" } }, data: { status: "APPROVED" } });
    const report = await t.db.quarterlyReport.findUniqueOrThrow({ where: { id }, include: { period: true } });
    await explainRedRows(t, "hanhdung.chutich", report.period.year, report.period.quarter);
    return submitReport({ year: report.period.year, quarter: report.period.quarter });
  }
  await actAs("nghiahanh.thamdinh");
  return decideSubmission({ subjectType: type, subjectId: id, decision: transition as "approve", comment: "Ý kiến thẩm định" });
}

describe("state machine", () => {
  for (const type of ["plan", "report"] as const) {
    for (const transition of ["submit", "approve", "return", "reopen"]) {
      for (const from of STATES) {
        const legal = LEGAL[transition].includes(from);
        it(`${type}: ${transition} from ${from} is ${legal ? "allowed" : "refused"}`, async () => {
          const subject = type === "plan" ? await hanhDungPlan() : await hanhDungReport(4);
          if (type === "plan") await t.db.plan.update({ where: { id: subject.id }, data: { status: from } });
          else await t.db.quarterlyReport.update({ where: { id: subject.id }, data: { status: from } });
          const decisionsBefore = await t.db.reviewDecision.count();
          const result = await attempt(type, subject.id, transition);
          const after = type === "plan" ? await t.db.plan.findUniqueOrThrow({ where: { id: subject.id } }) : await t.db.quarterlyReport.findUniqueOrThrow({ where: { id: subject.id } });
          if (legal) {
            expect(result.ok, JSON.stringify(result)).toBe(true);
            expect(after.status).toBe(RESULT[transition]);
            expect(await t.db.reviewDecision.count()).toBe(decisionsBefore + 1);
          } else {
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.error).toMatch(/^Không thể /);
            expect(after.status).toBe(from);
            expect(await t.db.reviewDecision.count()).toBe(decisionsBefore);
          }
        });
      }
    }
  }

  it("returning needs an overall comment; reopening needs a reason", async () => {
    const report = await hanhDungReport(4);
    await t.db.quarterlyReport.update({ where: { id: report.id }, data: { status: "SUBMITTED" } });
    await actAs("nghiahanh.thamdinh");
    expect(await decideSubmission({ subjectType: "report", subjectId: report.id, decision: "return", comment: "  " })).toMatchObject({ ok: false, error: "Trả lại phải có ý kiến chung." });
    await t.db.quarterlyReport.update({ where: { id: report.id }, data: { status: "APPROVED" } });
    expect(await decideSubmission({ subjectType: "report", subjectId: report.id, decision: "reopen" })).toMatchObject({ ok: false, error: "Mở lại hồ sơ đã duyệt phải nêu lý do." });
  });

  it("a return with row comments is recorded and the commune can correct and resubmit", async () => {
    const plan = await t.db.plan.findFirstOrThrow({ where: { commune: { name: "Xã Hành Dũng" } }, include: { indicators: true } });
    const ind = plan.indicators.find((i) => i.code === "4")!;
    const report = await hanhDungReport(3);
    await t.db.quarterlyReport.update({ where: { id: report.id }, data: { status: "DRAFT" } });
    await actAs("hanhdung.canbo");
    expect((await saveReport({ year: 2025, quarter: 3, indicators: [{ indicatorId: ind.id, version: null, numerator: 10, denominator: 40 }] })).ok).toBe(true);
    await actAs("hanhdung.chutich");
    await explainRedRows(t, "hanhdung.chutich", 2025, 3);
    expect((await submitReport({ year: 2025, quarter: 3 })).ok).toBe(true);
    await actAs("quangngai.thamdinh");
    const returned = await decideSubmission({ subjectType: "report", subjectId: report.id, decision: "return", comment: "Kiểm tra lại số liệu", rowComments: [{ indicatorId: ind.id, comment: "Mẫu số chưa khớp Hệ thống một cửa" }] });
    expect(returned).toMatchObject({ ok: true, data: { status: "RETURNED" } });
    const decision = await t.db.reviewDecision.findFirstOrThrow({ where: { reportId: report.id, action: "return" }, include: { rowComments: true } });
    expect(decision.rowComments).toEqual([expect.objectContaining({ indicatorId: ind.id, comment: "Mẫu số chưa khớp Hệ thống một cửa" })]);
    const value = await t.db.indicatorValue.findFirstOrThrow({ where: { indicatorId: ind.id, reportId: report.id } });
    await actAs("hanhdung.canbo");
    expect((await saveReport({ year: 2025, quarter: 3, indicators: [{ indicatorId: ind.id, version: value.version, numerator: 10, denominator: 20 }] })).ok).toBe(true);
    await actAs("hanhdung.chutich");
    await explainRedRows(t, "hanhdung.chutich", 2025, 3);
    expect((await submitReport({ year: 2025, quarter: 3 })).ok).toBe(true);
    await actAs("nghiahanh.thamdinh");
    expect(await decideSubmission({ subjectType: "report", subjectId: report.id, decision: "approve" })).toMatchObject({ ok: true, data: { status: "APPROVED" } });
    await actAs("hanhdung.canbo");
    expect(await saveReport({ year: 2025, quarter: 3, indicators: [{ indicatorId: ind.id, version: value.version + 1, numerator: 1, denominator: 20 }] })).toMatchObject({ ok: false, error: "Báo cáo Quý III năm 2025 đã được duyệt, không thể sửa." });
    const history = await t.db.reviewDecision.findMany({ where: { reportId: report.id }, orderBy: { createdAt: "asc" } });
    expect(history.map((h) => h.action)).toEqual(["submit", "return", "submit", "approve"]);
  });

  it("row comments must name rows of the submission", async () => {
    const report = await hanhDungReport(4);
    await t.db.quarterlyReport.update({ where: { id: report.id }, data: { status: "SUBMITTED" } });
    const foreign = await t.db.indicator.findFirstOrThrow({ where: { plan: { commune: { name: "Xã Tân Đức" } } } });
    await actAs("nghiahanh.thamdinh");
    const result = await decideSubmission({ subjectType: "report", subjectId: report.id, decision: "return", comment: "x", rowComments: [{ indicatorId: foreign.id, comment: "y" }] });
    expect(result).toMatchObject({ ok: false, error: "Có ý kiến gắn với dòng không thuộc hồ sơ này." });
    expect((await t.db.quarterlyReport.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("SUBMITTED");
  });
});

describe("who may review", () => {
  it("a reviewer of another district, a reviewer of another province, and commune users are refused; the province above is allowed", async () => {
    const report = await hanhDungReport(4);
    for (const [username, error] of [
      ["phubinh.thamdinh", "Xã này không thuộc đơn vị bạn phụ trách."],
      ["khanhhoa.thamdinh", "Xã này không thuộc đơn vị bạn phụ trách."],
      ["hanhdung.chutich", "Bạn không có quyền thực hiện thao tác này."],
      ["admin", "Bạn không có quyền thực hiện thao tác này."],
    ]) {
      await t.db.quarterlyReport.update({ where: { id: report.id }, data: { status: "SUBMITTED" } });
      await actAs(username);
      expect(await decideSubmission({ subjectType: "report", subjectId: report.id, decision: "approve" })).toMatchObject({ ok: false, error });
      expect((await t.db.quarterlyReport.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("SUBMITTED");
    }
    await actAs("quangngai.thamdinh");
    expect(await decideSubmission({ subjectType: "report", subjectId: report.id, decision: "approve" })).toMatchObject({ ok: true });
  });

  it("a commune cannot submit another commune's plan", async () => {
    const plan = await t.db.plan.findFirstOrThrow({ where: { commune: { name: "Xã Tân Đức" } } });
    await t.db.plan.update({ where: { id: plan.id }, data: { status: "DRAFT" } });
    await actAs("hanhdung.chutich");
    expect(await submitPlan({ planId: plan.id })).toMatchObject({ ok: false, error: "Chỉ xã có hồ sơ mới được nộp hồ sơ đó." });
  });

  it("the matrix shows a province reviewer every commune below, with or without a district", async () => {
    const province = await actAs("quangngai.thamdinh");
    const m = await reviewMatrix(province!, 2025, "2026-11-24");
    expect(m.rows.map((r) => r.name)).toEqual(["Xã Hành Dũng"]);
    const khanhHoa = await actAs("khanhhoa.thamdinh");
    expect((await reviewMatrix(khanhHoa!, 2025, "2026-11-24")).rows.map((r) => r.name)).toEqual(["Xã Diên Khánh"]);
  });
});

describe("comparison", () => {
  it("totals ratios as sum of numerators over sum of denominators across communes", async () => {
    // Two communes under one district, both tracking the same ratio.
    const district = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Huyện Nghĩa Hành" } });
    const other = await t.db.orgUnit.create({ data: { name: "Xã Hành Thiện", level: "COMMUNE", parentId: district.id } });
    const source = await t.db.indicator.findFirstOrThrow({ where: { plan: { commune: { name: "Xã Hành Dũng" } }, code: "4" } });
    const plan = await t.db.plan.create({ data: { communeId: other.id, year: 2025, kind: "TTHC_CONTROL", title: "Kế hoạch thử" } });
    const copy = await t.db.indicator.create({
      data: { planId: plan.id, position: 0, name: source.name, group: source.group, valueKind: "RATIO", targetRule: "AT_LEAST", targetValue: 60, measurementUnit: "%" },
    });
    const period = await t.db.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year: 2025, quarter: 1 } } });
    const report = await t.db.quarterlyReport.create({ data: { communeId: other.id, periodId: period.id } });
    await t.db.indicatorValue.create({ data: { indicatorId: copy.id, periodId: period.id, reportId: report.id, numerator: 9, denominator: 10 } });

    const reviewer = await actAs("nghiahanh.thamdinh");
    const c = await loadComparison(reviewer!, 2025, 1, { keys: [indicatorKey(source.name)] });
    const hd = await t.db.indicatorValue.findFirstOrThrow({ where: { indicatorId: source.id, period: { year: 2025, quarter: 1 } } });
    const [n1, d1] = [hd.numerator!.toNumber(), hd.denominator!.toNumber()];
    const total = c.totals[indicatorKey(source.name)]!;
    expect(total.numerator).toBe(n1 + 9);
    expect(total.denominator).toBe(d1 + 10);
    expect(total.value).toBeCloseTo(((n1 + 9) * 100) / (d1 + 10), 6);
    // Not the average of the two percentages (they differ unless the denominators are equal).
    if (d1 !== 10) expect(total.value).not.toBeCloseTo(((n1 / d1) * 100 + 90) / 2, 3);
    const thien = c.rows.find((r) => r.communeId === other.id)!;
    expect(thien.cells[indicatorKey(source.name)]).toMatchObject({ value: 90, status: "ACHIEVED" });
    expect(thien.share).toBe(100);
    expect(c.rows[0].share).toBeGreaterThanOrEqual(c.rows[1].share ?? 0);
  });
});

describe("reporting deadlines", () => {
  it("a reviewer sets a quarter's deadline in dd/mm/yyyy; unsubmitted reports past it are late", async () => {
    const { setReportingDeadline } = await import("@/server/calendar/actions");
    const reviewer = await actAs("nghiahanh.thamdinh");
    const fd = (fields: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.append(k, v);
      return f;
    };
    expect(await setReportingDeadline(null, fd({ year: "2025", quarter: "2", dueDate: "31/02/2025" }))).toMatchObject({ ok: false, fieldErrors: { dueDate: "Hạn nộp không hợp lệ, nhập theo dạng dd/mm/yyyy." } });
    // A district may only set a date earlier than the province's (here the common rule, 20/03/2025).
    expect(await setReportingDeadline(null, fd({ year: "2025", quarter: "1", dueDate: "15/04/2025" }))).toMatchObject({ ok: false, fieldErrors: { dueDate: "Huyện chỉ được đặt hạn sớm hơn hạn của tỉnh (20/03/2025)." } });
    expect(await setReportingDeadline(null, fd({ year: "2025", quarter: "1", dueDate: "15/03/2025" }))).toMatchObject({ ok: true });
    const report = await hanhDungReport(1);
    await t.db.quarterlyReport.update({ where: { id: report.id }, data: { status: "DRAFT", submittedAt: null } });
    // Never submitted (lateness is judged on the first submission, from the decisions).
    await t.db.reviewDecision.deleteMany({ where: { reportId: report.id } });
    const m = await reviewMatrix(reviewer!, 2025, "2025-03-16");
    const q1 = m.rows.find((r) => r.name === "Xã Hành Dũng")!.quarters[0];
    expect(q1).toMatchObject({ dueDate: "2025-03-15", dueSource: "DISTRICT", late: true });
    // The province above sees the district's earlier deadline too: one calendar for everyone.
    const province = await actAs("quangngai.thamdinh");
    expect((await reviewMatrix(province!, 2025, "2025-03-10")).rows[0].quarters[0]).toMatchObject({ dueDate: "2025-03-15", late: false });
    await actAs("hanhdung.canbo");
    expect(await setReportingDeadline(null, fd({ year: "2025", quarter: "1", dueDate: "20/04/2025" }))).toMatchObject({ ok: false, error: "Bạn không có quyền thực hiện thao tác này." });
  });
});

describe("the reviewer's matrix: chips and lateness (issue 13 review)", () => {
  it("counts each report cell once, apart from plans, and owes no report due before the plan came into force", async () => {
    // Diên Khánh (Khánh Hòa, which does not review commune plans): a commune since 01/7/2025,
    // its 2025 plan issued and in force from 24/10/2025; the chairman submits Q3 on 27/11/2026.
    await explainRedRows(t, "dienkhanh.chutich", 2025, 3);
    await actAs("dienkhanh.chutich");
    expect(await submitReport({ year: 2025, quarter: 3 })).toMatchObject({ ok: true });

    const m = await reviewMatrix((await actAs("khanhhoa.thamdinh"))!, 2025, "2026-11-27");
    const cells = m.rows.flatMap((r) => r.quarters);
    const shown = (state: string) => cells.filter((q) => q.state === state).length;
    // One cell submitted: the chip says 1, not 1 + the commune's issued plan.
    expect(m.counts.SUBMITTED).toBe(1);
    expect(m.counts.SUBMITTED).toBe(shown("SUBMITTED"));
    expect(m.counts.NONE + m.counts.DRAFT).toBe(shown("NONE") + shown("DRAFT"));
    expect(m.counts.APPROVED).toBe(shown("APPROVED"));
    expect(m.counts.RETURNED).toBe(shown("RETURNED"));
    expect(m.counts.NONE + m.counts.DRAFT + m.counts.SUBMITTED + m.counts.APPROVED + m.counts.RETURNED).toBe(4);
    // The issued plan is in force, not waiting for a review the province does not make.
    expect(m.rows[0].plans.map((p) => p.waiting)).toEqual([false]);
    expect(m.plansWaiting).toBe(0);
    // Q1–Q3 were due before the plan came into force: not late (Q3 handed in after its due day
    // all the same); Q4 (due in December 2025, plan in force) never came: late.
    expect(cells.map((q) => [q.timeliness, q.late])).toEqual([
      ["NOT_EXPECTED", false],
      ["NOT_EXPECTED", false],
      ["ON_TIME", false],
      ["MISSING", true],
    ]);
    expect(m.late).toBe(cells.filter((q) => q.late).length);

    // Where the province reviews plans, a submitted plan waits and is counted apart from reports.
    const plan = await hanhDungPlan();
    await t.db.plan.update({ where: { id: plan.id }, data: { status: "SUBMITTED" } });
    const qn = await reviewMatrix((await actAs("quangngai.thamdinh"))!, 2025, "2026-11-27");
    expect(qn.plansWaiting).toBe(1);
    expect(qn.counts.SUBMITTED).toBe(qn.rows.flatMap((r) => r.quarters).filter((q) => q.state === "SUBMITTED").length);
    await t.db.plan.update({ where: { id: plan.id }, data: { status: plan.status } });
  });
});

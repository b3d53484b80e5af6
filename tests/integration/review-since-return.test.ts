// Issue 17: on a report sent again after a return, the reviewer sees which rows changed and
// how (before → after), with the comments left on them when it was returned.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { actAs, actorFor } from "../support/actors";
import { explainRedRows } from "../support/explain";
import { decideSubmission } from "@/server/review/actions";
import { saveReport, submitReport } from "@/server/reports/actions";
import { loadReport } from "@/server/reports/queries";
import { reportForReview } from "@/server/review/queries";
import { changesSinceReturn } from "@/server/review/since-return";

const t = setupTestDb();

async function reviewerView(reportId: string) {
  const reviewer = await actorFor("quangngai.thamdinh");
  const report = (await reportForReview(reviewer, reportId))!;
  const data = await loadReport(reviewer, report.communeId, report.period.year, report.period.quarter);
  return changesSinceReturn({ id: report.id, status: report.status, quarter: report.period.quarter }, data.decisions, data.plans);
}

describe("changes since return", () => {
  it("marks only the rows the commune changed after the return, before → after, with the reviewer's row comment", async () => {
    const plan = await t.db.plan.findFirstOrThrow({ where: { commune: { name: "Xã Hành Dũng" } }, include: { indicators: true } });
    await t.db.plan.updateMany({ where: { commune: { name: "Xã Hành Dũng" } }, data: { status: "APPROVED" } });
    const ind = plan.indicators.find((i) => i.code === "4")!;
    const commune = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Hành Dũng" } });
    const period = await t.db.reportingPeriod.upsert({ where: { year_quarter: { year: 2025, quarter: 3 } }, update: {}, create: { year: 2025, quarter: 3 } });
    const report = await t.db.quarterlyReport.upsert({ where: { communeId_periodId: { communeId: commune.id, periodId: period.id } }, update: { status: "DRAFT" }, create: { communeId: commune.id, periodId: period.id } });

    await actAs("hanhdung.canbo");
    const existing = await t.db.indicatorValue.findFirst({ where: { indicatorId: ind.id, periodId: period.id } });
    expect((await saveReport({ year: 2025, quarter: 3, indicators: [{ indicatorId: ind.id, version: existing?.version ?? null, numerator: 10, denominator: 40 }] })).ok).toBe(true);
    await actAs("hanhdung.chutich");
    await explainRedRows(t, "hanhdung.chutich", 2025, 3);
    expect((await submitReport({ year: 2025, quarter: 3 })).ok).toBe(true);
    // Submitted once, never returned: nothing to compare with.
    expect(await reviewerView(report.id)).toBeNull();

    await actAs("quangngai.thamdinh");
    const returned = await decideSubmission({ subjectType: "report", subjectId: report.id, decision: "return", comment: "Kiểm tra lại số liệu", rowComments: [{ indicatorId: ind.id, comment: "Mẫu số chưa khớp" }] });
    expect(returned.ok).toBe(true);
    // Returned and not yet sent again: the commune is still correcting.
    expect(await reviewerView(report.id)).toBeNull();

    const value = await t.db.indicatorValue.findFirstOrThrow({ where: { indicatorId: ind.id, periodId: period.id } });
    await actAs("hanhdung.canbo");
    expect((await saveReport({ year: 2025, quarter: 3, indicators: [{ indicatorId: ind.id, version: value.version, numerator: 10, denominator: 20 }] })).ok).toBe(true);
    await actAs("hanhdung.chutich");
    await explainRedRows(t, "hanhdung.chutich", 2025, 3);
    expect((await submitReport({ year: 2025, quarter: 3 })).ok).toBe(true);

    const view = (await reviewerView(report.id))!;
    expect(view).not.toBeNull();
    expect(view.returnedBy).toMatch(/thẩm định/i);
    expect(view.rowComments).toEqual({ [ind.id]: "Mẫu số chưa khớp" });
    expect(Object.keys(view.byRow)).toEqual([ind.id]);
    expect(view.byRow[ind.id]).toContainEqual(expect.objectContaining({ what: "Số liệu Quý III", before: "10/40", after: "10/20" }));

    // Still shown once approved: the record says what was corrected after the return.
    await actAs("quangngai.thamdinh");
    expect((await decideSubmission({ subjectType: "report", subjectId: report.id, decision: "approve" })).ok).toBe(true);
    expect(Object.keys((await reviewerView(report.id))!.byRow)).toEqual([ind.id]);
  });
});

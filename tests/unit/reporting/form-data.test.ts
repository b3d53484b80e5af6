// Issue 21: the report form is given only what its rows use. What it computes from the compact
// rows (the live status and year-to-date while the clerk types, the drafts it starts from) must
// be what it computed from the loader's full rows, and the fields it never reads are not sent.
import { describe, expect, it } from "vitest";
import { reportFormData } from "@/server/reports/form-data";
import type { ReportData } from "@/server/reports/queries";
import { indicatorDraftOf, liveIndicator, taskDraftOf } from "@/domain/reporting/drafts";

const meta = { id: "v1", version: 3, cause: null, remedy: null, updatedAt: "2026-11-24T08:00:00.000Z", updatedBy: "Công chức Văn phòng", isDemo: false };
const indicator = {
  id: "i1", code: "1", position: 0, sectionId: "s1", parentId: null, name: "Tỷ lệ hồ sơ trực tuyến toàn trình", group: "OTHER",
  measurementUnit: "%", valueKind: "RATIO", targetText: "tối thiểu 80%", targetRule: "AT_LEAST", targetValue: 80, baselineValue: null, referenceYear: null,
  numeratorLabel: "Số hồ sơ trực tuyến", denominatorLabel: "Tổng số hồ sơ", monitoringUnitId: "u1", monitoringUnitName: "Văn phòng", unitIds: ["u1"],
  quarters: [
    { quarter: 1, numerator: 30, denominator: 40, value: null, done: null, fromAppraisal: false },
    { quarter: 2, numerator: 35, denominator: 40, value: null, done: null, fromAppraisal: false },
  ],
  current: { ...meta, numerator: 35, denominator: 40, value: null, done: null, note: "ghi chú" },
  evidence: [],
  history: [],
};
const task = {
  id: "t1", code: "1.1", position: 0, sectionId: "s1", content: "Rà soát thủ tục hành chính", requirement: "Hoàn thành 100%", deadlineText: "Quý II",
  deadlineKind: "DATE", dueDate: "2026-06-30", occurrences: [], leadUnitId: "u1", leadUnitName: "Văn phòng", unitIds: ["u1"], previousStatus: "IN_PROGRESS",
  current: { ...meta, id: "p1", status: "DONE", resultText: "Đã xong", reason: null, completedAt: "2026-05-01" },
  evidence: [{ id: "e1", fileName: "a.pdf", sizeBytes: 10, docNumber: null, docDate: null, docSummary: null, createdAt: "2026-05-01T00:00:00.000Z" }],
  history: [],
};
const data = {
  commune: { id: "c1", name: "Xã An Bình", parent: null }, year: 2026, quarter: 2, report: null, decisions: [], snapshot: null,
  units: [{ id: "u1", name: "Văn phòng" }],
  plans: [{ id: "p1", title: "Kế hoạch CCHC 2026", kind: "CCHC", documentNumber: "12/KH-UBND", documentDate: null, documentDateText: null, versionNo: 1, amendmentOpen: false,
    sections: [{ id: "s1", code: "I", title: "Cải cách thủ tục hành chính", depth: 0, position: 0, parentId: null }], indicators: [indicator], tasks: [task] }],
} as unknown as ReportData;

describe("reportFormData", () => {
  const form = reportFormData(data);
  const [plan] = form.plans;

  it("gives the form the same live status, year-to-date and drafts as the full rows", () => {
    const full = data.plans[0].indicators[0];
    const compact = plan.indicators[0];
    const draft = indicatorDraftOf(full.current);
    expect(indicatorDraftOf(compact.current)).toEqual(draft);
    expect(liveIndicator(compact, draft, 2)).toEqual(liveIndicator(full, draft, 2));
    expect(taskDraftOf(plan.tasks[0].current, plan.tasks[0].previousStatus)).toEqual(taskDraftOf(data.plans[0].tasks[0].current, "IN_PROGRESS"));
    expect(compact.current?.version).toBe(3);
  });

  it("leaves out what the rows never read, and empty evidence and history lists", () => {
    const text = JSON.stringify(form);
    for (const unused of ["position", "isDemo", "leadUnitId", "monitoringUnitId", "group", "documentNumber", "fromAppraisal", "depth", "decisions", "commune"]) expect(text).not.toContain(`"${unused}"`);
    expect(plan.indicators[0]).not.toHaveProperty("evidence");
    expect(plan.indicators[0]).not.toHaveProperty("history");
    expect(plan.tasks[0].evidence).toHaveLength(1);
    // Whether a section starts a part of the page (issue 21), not its depth and parent.
    expect(plan.sections).toEqual([{ id: "s1", code: "I", title: "Cải cách thủ tục hành chính", top: true }]);
  });

  it("on the commune's page sends the number of evidence items only: the list loads when a panel opens", () => {
    const onDemand = reportFormData(data, { onDemand: true }).plans[0];
    expect(onDemand.tasks[0]).not.toHaveProperty("evidence");
    expect(onDemand.tasks[0].evidenceCount).toBe(1);
    expect(onDemand.indicators[0]).not.toHaveProperty("evidenceCount");
  });
});

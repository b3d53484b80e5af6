// Quarterly reporting against a real database: scope, locked reports, invalid input,
// optimistic locking and the audit trail.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { actAs, actorFor } from "../support/actors";
import { saveReport, submitReport } from "@/server/reports/actions";
import { explainRedRows } from "../support/explain";
import { loadReport } from "@/server/reports/queries";

const t = setupTestDb();
const YEAR = 2025;
const Q = 3;

async function dienKhanh() {
  const plan = await t.db.plan.findFirstOrThrow({ where: { commune: { name: "Xã Diên Khánh" }, year: YEAR }, include: { indicators: true, tasks: true } });
  const ratio = plan.indicators.find((i) => i.valueKind === "RATIO")!;
  const number = plan.indicators.find((i) => i.valueKind === "NUMBER")!;
  return { plan, ratio, number, task: plan.tasks[0], task2: plan.tasks[1] };
}

async function snapshot() {
  return {
    values: await t.db.indicatorValue.findMany({ orderBy: { id: "asc" } }),
    progress: await t.db.taskProgress.findMany({ orderBy: { id: "asc" } }),
    audit: await t.db.auditLog.count(),
  };
}

describe("quarterly report", () => {
  it("a clerk saves a ratio, a number and task progress; values, versions and audit are stored", async () => {
    const { ratio, number, task } = await dienKhanh();
    await actAs("dienkhanh.canbo");
    const result = await saveReport({
      year: YEAR,
      quarter: Q,
      indicators: [
        { indicatorId: ratio.id, version: null, numerator: 45, denominator: 60, note: "Số liệu từ Hệ thống một cửa" },
        { indicatorId: number.id, version: null, value: 91.5 },
      ],
      tasks: [{ taskId: task.id, version: null, status: "IN_PROGRESS", resultText: "Đã ban hành kế hoạch" }],
    });
    expect(result).toMatchObject({ ok: true, data: { saved: 3 } });
    const stored = await t.db.indicatorValue.findFirstOrThrow({ where: { indicatorId: ratio.id, period: { year: YEAR, quarter: Q } } });
    expect([stored.numerator?.toNumber(), stored.denominator?.toNumber(), stored.version, stored.isDemo]).toEqual([45, 60, 0, false]);
    const audit = await t.db.auditLog.findMany({ where: { entityId: stored.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", after: { numerator: 45, denominator: 60 } });
    expect(audit[0].userId).toBe((await actorFor("dienkhanh.canbo")).id);

    const report = await t.db.quarterlyReport.findFirstOrThrow({ where: { commune: { name: "Xã Diên Khánh" }, period: { year: YEAR, quarter: Q } } });
    expect(report.status).toBe("DRAFT");
  });

  it("the page data shows the saved quarter, year-to-date inputs and history", async () => {
    const { ratio } = await dienKhanh();
    const actor = await actAs("dienkhanh.chutich");
    const data = await loadReport(actor!, actor!.orgUnitId, YEAR, Q);
    const row = data.plans.flatMap((p) => p.indicators).find((i) => i.id === ratio.id)!;
    expect(row.current).toMatchObject({ numerator: 45, denominator: 60, version: 0, updatedBy: "Công chức Văn phòng – Diên Khánh" });
    expect(row.quarters).toContainEqual({ quarter: 3, numerator: 45, denominator: 60, value: null, done: null, fromAppraisal: false });
    expect(row.history).toHaveLength(1);
  });

  it("invalid input writes nothing, and each bad field gets a Vietnamese message", async () => {
    const { ratio, number, task, task2 } = await dienKhanh();
    await actAs("dienkhanh.canbo");
    const before = await snapshot();
    const result = await saveReport({
      year: YEAR,
      quarter: Q,
      indicators: [
        { indicatorId: ratio.id, version: 0, numerator: 70, denominator: 60 },
        { indicatorId: number.id, version: 0, value: 91.5 },
      ],
      tasks: [
        { taskId: task.id, version: 0, status: "DONE" },
        { taskId: task2.id, version: null, status: "CANNOT_DO" },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      [`indicators.${ratio.id}.numerator`]: "Tử số không được lớn hơn mẫu số.",
      [`tasks.${task2.id}.reason`]: "Nêu lý do không thực hiện được.",
    });
    expect(await snapshot()).toEqual(before);

    // Each refusal names the field and says what is wrong, in Vietnamese, and writes nothing.
    for (const [bad, message] of [
      [{ numerator: -1, denominator: 5 }, { [`indicators.${ratio.id}.numerator`]: "Tử số phải là số nguyên không âm." }],
      [{ numerator: 1.5, denominator: 5 }, { [`indicators.${ratio.id}.numerator`]: "Tử số phải là số nguyên không âm." }],
      [{ numerator: 3, denominator: null }, { [`indicators.${ratio.id}.denominator`]: "Nhập cả mẫu số." }],
    ] as const) {
      const r = await saveReport({ year: YEAR, quarter: Q, indicators: [{ indicatorId: ratio.id, version: 0, ...bad }] });
      expect(r).toMatchObject({ ok: false, fieldErrors: message });
      expect(await snapshot()).toEqual(before);
    }
    const wrongType = await saveReport({ year: YEAR, quarter: Q, indicators: [{ indicatorId: ratio.id, version: 0, numerator: "abc" as unknown as number }] });
    expect(wrongType).toMatchObject({ ok: false, fieldErrors: { "indicators.0.numerator": "Phải là một số." } });
    const badQuarter = await saveReport({ year: YEAR, quarter: 5, indicators: [] });
    expect(badQuarter).toMatchObject({ ok: false, fieldErrors: { quarter: "Quý phải từ I đến IV." } });
    expect(await snapshot()).toEqual(before);
  });

  it("staff of one commune cannot read or write another commune's report", async () => {
    const { ratio } = await dienKhanh();
    const before = await snapshot();
    const actor = await actAs("tanduc.canbo");
    const write = await saveReport({ year: YEAR, quarter: Q, indicators: [{ indicatorId: ratio.id, version: 0, numerator: 1, denominator: 2 }] });
    expect(write).toMatchObject({ ok: false, error: "Có chỉ tiêu không thuộc kế hoạch năm này của xã bạn." });
    const dk = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Diên Khánh" } });
    await expect(loadReport(actor!, dk.id, YEAR, Q)).rejects.toThrow("Bạn chỉ được xem và thay đổi dữ liệu của xã mình.");
    const otherDistrict = await actAs("phubinh.thamdinh");
    await expect(loadReport(otherDistrict!, dk.id, YEAR, Q)).rejects.toThrow("Xã này không thuộc đơn vị bạn phụ trách.");
    const province = await actAs("khanhhoa.thamdinh");
    expect((await loadReport(province!, dk.id, YEAR, Q)).commune.name).toBe("Xã Diên Khánh");
    const reviewerWrite = await saveReport({ year: YEAR, quarter: Q, indicators: [{ indicatorId: ratio.id, version: 0, numerator: 1, denominator: 2 }] });
    expect(reviewerWrite).toMatchObject({ ok: false, error: "Bạn không có quyền thực hiện thao tác này." });
    expect(await snapshot()).toEqual(before);
  });

  it("a row changed since it was loaded is not overwritten; the rest of the save lands, and the clash names the newer value and who saved it", async () => {
    const { ratio, number } = await dienKhanh();
    await actAs("dienkhanh.chutich");
    const first = await saveReport({ year: YEAR, quarter: Q, indicators: [{ indicatorId: ratio.id, version: 0, numerator: 50, denominator: 60 }] });
    expect(first.ok).toBe(true);
    await actAs("dienkhanh.canbo");
    // The clerk still holds version 0 of the ratio and also changed another row: that row lands.
    const second = await saveReport({
      year: YEAR,
      quarter: Q,
      indicators: [
        { indicatorId: number.id, version: 0, value: 95 },
        { indicatorId: ratio.id, version: 0, numerator: 40, denominator: 60 },
      ],
    });
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.data.saved).toBe(1);
    expect(second.data.conflicts).toEqual([
      expect.objectContaining({ rowId: ratio.id, current: "50/60", updatedBy: "Lê Văn Demo (dữ liệu mẫu)", version: 1, theirs: expect.objectContaining({ numerator: 50, denominator: 60 }) }),
    ]);
    const stored = await t.db.indicatorValue.findFirstOrThrow({ where: { indicatorId: ratio.id, period: { year: YEAR, quarter: Q } } });
    expect([stored.numerator?.toNumber(), stored.version]).toEqual([50, 1]);
    const numberStored = await t.db.indicatorValue.findFirstOrThrow({ where: { indicatorId: number.id, period: { year: YEAR, quarter: Q } } });
    expect(numberStored.value?.toNumber()).toBe(95);
    const history = await t.db.auditLog.findMany({ where: { entityId: stored.id }, orderBy: { createdAt: "asc" } });
    expect(history.map((h) => h.action)).toEqual(["create", "update"]);
    expect(history[1]).toMatchObject({ before: { numerator: 45 }, after: { numerator: 50 } });
  });

  it("two first saves of the same new row at once: one wins, the other is refused", async () => {
    const { plan } = await dienKhanh();
    const fresh = plan.indicators.find((i) => i.valueKind === "RATIO" && i.id !== plan.indicators.find((x) => x.valueKind === "RATIO")!.id) ?? plan.indicators[plan.indicators.length - 1];
    await actAs("dienkhanh.canbo");
    const results = await Promise.all([
      saveReport({ year: YEAR, quarter: 2, indicators: [{ indicatorId: fresh.id, version: null, numerator: 1, denominator: 2, value: null }] }),
      saveReport({ year: YEAR, quarter: 2, indicators: [{ indicatorId: fresh.id, version: null, numerator: 2, denominator: 2, value: null }] }),
    ]);
    // Both answer ok; exactly one wrote, the other returns the row as a conflict to resolve.
    expect(results.map((r) => (r.ok ? r.data.saved : -1)).sort()).toEqual([0, 1]);
    expect(results.flatMap((r) => (r.ok ? r.data.conflicts : []))).toHaveLength(1);
    expect(await t.db.indicatorValue.count({ where: { indicatorId: fresh.id, period: { year: YEAR, quarter: 2 } } })).toBe(1);
  });

  it("only the chairman (or staff allowed) submits; a submitted report refuses writes", async () => {
    const { ratio } = await dienKhanh();
    await actAs("dienkhanh.canbo");
    expect(await submitReport({ year: YEAR, quarter: Q })).toMatchObject({
      ok: false,
      error: "Chỉ Chủ tịch UBND xã (hoặc người được Chủ tịch cho phép) được nộp.",
    });
    await actAs("dienkhanh.chutich");
    // Reasons for red: refused while a red row has no cause and remedy, named in the message.
    const refused = await submitReport({ year: YEAR, quarter: Q });
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining("chưa có giải trình (nguyên nhân và giải pháp khắc phục)") });
    await explainRedRows(t, "dienkhanh.chutich", YEAR, Q);
    expect(await submitReport({ year: YEAR, quarter: Q })).toMatchObject({ ok: true });
    expect(await submitReport({ year: YEAR, quarter: Q })).toMatchObject({ ok: false, error: "Không thể nộp: hồ sơ đã nộp, đang chờ xét duyệt." });
    const before = await snapshot();
    await actAs("dienkhanh.canbo");
    const write = await saveReport({ year: YEAR, quarter: Q, indicators: [{ indicatorId: ratio.id, version: 1, numerator: 55, denominator: 60 }] });
    expect(write).toMatchObject({ ok: false, error: "Báo cáo Quý III năm 2025 đã nộp, đang chờ xét duyệt: không thể sửa." });
    expect(await snapshot()).toEqual(before);
  });

  it("an approved report refuses writes", async () => {
    const tayThuan = await t.db.plan.findFirstOrThrow({ where: { commune: { name: "Xã Tây Thuận" } }, include: { indicators: true } });
    const ind = tayThuan.indicators.find((i) => i.targetRule !== "NONE")!;
    const value = await t.db.indicatorValue.findFirstOrThrow({ where: { indicatorId: ind.id, period: { year: 2025, quarter: 1 } } });
    await actAs("taythuan.canbo");
    const write = await saveReport({ year: 2025, quarter: 1, indicators: [{ indicatorId: ind.id, version: value.version, value: 1, numerator: null, denominator: null }] });
    expect(write).toMatchObject({ ok: false, error: "Báo cáo Quý I năm 2025 đã được duyệt, không thể sửa." });
  });
});

describe("a row created empty to hold evidence", () => {
  it("does not count as someone else's change for a browser that saw no row", async () => {
    const plan = await t.db.plan.findFirstOrThrow({ where: { commune: { name: "Xã Hành Dũng" } }, include: { indicators: true } });
    const ind = plan.indicators[3];
    const period = await t.db.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year: 2025, quarter: 2 } } });
    const report = await t.db.quarterlyReport.findFirstOrThrow({ where: { communeId: plan.communeId, periodId: period.id } });
    await t.db.quarterlyReport.update({ where: { id: report.id }, data: { status: "RETURNED" } });
    await t.db.indicatorValue.deleteMany({ where: { indicatorId: ind.id, periodId: period.id } });
    await t.db.indicatorValue.create({ data: { indicatorId: ind.id, periodId: period.id, reportId: report.id } });
    await actAs("hanhdung.canbo");
    const result = await saveReport({ year: 2025, quarter: 2, indicators: [{ indicatorId: ind.id, version: null, numerator: 10, denominator: 20 }] });
    expect(result).toMatchObject({ ok: true });
    // But a row that already holds figures is a conflict.
    const ind2 = plan.indicators[4];
    const stored = await t.db.indicatorValue.findFirstOrThrow({ where: { indicatorId: ind2.id, periodId: period.id } });
    expect(stored.numerator).not.toBeNull();
    const conflict = await saveReport({ year: 2025, quarter: 2, indicators: [{ indicatorId: ind2.id, version: null, numerator: 1, denominator: 2 }] });
    expect(conflict).toMatchObject({ ok: true, data: { saved: 0, conflicts: [expect.objectContaining({ rowId: ind2.id })] } });
  });
});

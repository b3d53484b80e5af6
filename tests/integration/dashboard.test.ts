// The chairman's dashboard against figures computed by hand from the seeded database.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { actAs } from "../support/actors";
import { loadDashboard } from "@/server/dashboard/queries";
import { dashboardWorkbook } from "@/server/dashboard/export-xlsx";
import ExcelJS from "exceljs";

const t = setupTestDb();
const TODAY = "2026-11-24";

describe("dashboard", () => {
  it("year-to-date ratios are the sums of the seeded numerators over the sums of denominators, up to the as-of quarter", async () => {
    const actor = await actAs("taythuan.chutich");
    const d = await loadDashboard(actor!, actor!.orgUnitId, 2025, 2, TODAY);
    const ratios = d.indicators.filter((i) => i.valueKind === "RATIO");
    expect(ratios.length).toBeGreaterThan(3);
    for (const ind of ratios) {
      const values = await t.db.indicatorValue.findMany({ where: { indicatorId: ind.id, period: { year: 2025, quarter: { lte: 2 } } } });
      const n = values.reduce((s, v) => s + (v.numerator?.toNumber() ?? 0), 0);
      const den = values.reduce((s, v) => s + (v.denominator?.toNumber() ?? 0), 0);
      expect(ind.result.ytd.numerator).toBe(n);
      expect(ind.result.ytd.denominator).toBe(den);
      expect(ind.result.ytd.value).toBeCloseTo((n * 100) / den, 9);
      const target = ind.targetValue ?? 100;
      const meets = (n * 100) / den >= target - 1e-9;
      if (ind.targetRule === "AT_LEAST" || ind.targetRule === "FULL") {
        expect(ind.status === "ACHIEVED").toBe(meets);
        // Before Q4 a miss is "có nguy cơ" within 10 points, else "chưa đạt".
        if (!meets) expect(ind.status).toBe(target - (n * 100) / den <= 10 ? "AT_RISK" : "NOT_ACHIEVED");
      }
    }
    const total = Object.values(d.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(d.scoredCount);
    expect(d.counts.ACHIEVED).toBe(d.indicators.filter((i) => i.status === "ACHIEVED").length);
  });

  it("the rank target compares the latest rank with last year's", async () => {
    const actor = await actAs("taythuan.chutich");
    const d = await loadDashboard(actor!, actor!.orgUnitId, 2025, 3, TODAY);
    const par = d.indicators.find((i) => i.code === "1.1")!;
    const q3 = await t.db.indicatorValue.findFirstOrThrow({ where: { indicatorId: par.id, period: { year: 2025, quarter: 3 } } });
    const rank = q3.value!.toNumber();
    expect(par.result.ytd.value).toBe(rank);
    expect(par.baselineValue).toBe(14);
    expect(par.status).toBe(rank < 14 ? "ACHIEVED" : "AT_RISK");
  });

  it("overdue tasks are those dated before the day the period is judged on whose latest progress is not done; per-unit counts add up", async () => {
    const actor = await actAs("hanhdung.chutich");
    const d = await loadDashboard(actor!, actor!.orgUnitId, 2025, 4, TODAY);
    // Q4/2025 is over: it is judged at its end (31/12/2025), never at today's date (issue 14).
    expect(d.judgedAt).toBe("2025-12-31");
    const tasks = await t.db.task.findMany({ where: { plan: { communeId: actor!.orgUnitId, year: 2025 } }, include: { progress: { include: { period: true } } } });
    const expected = tasks
      // A dated deadline, or any occurrence of a recurring one ("định kỳ 06 tháng và cuối năm"), passed by then.
      .filter((task) => [...(task.dueDate && ["DATE", "PERIOD"].includes(task.deadlineKind) ? [task.dueDate] : []), ...task.occurrenceDates].some((due) => due.toISOString().slice(0, 10) < d.judgedAt))
      .filter((task) => {
        const latest = [...task.progress].sort((a, b) => b.period.quarter - a.period.quarter)[0];
        return latest?.status !== "DONE";
      })
      .map((task) => task.id)
      .sort();
    expect(d.tasks.overdue.map((task) => task.id).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(d.byUnit.reduce((s, u) => s + u.overdue, 0)).toBe(expected.length);
    expect(d.byUnit.reduce((s, u) => s + u.tasks, 0)).toBe(tasks.length);
    expect(d.byUnit.reduce((s, u) => s + u.indicators, 0)).toBe(d.scoredCount);
  });

  it("groups online-service ratios under the five 766 groups and says which have no data", async () => {
    const actor = await actAs("hanhdung.chutich");
    const d = await loadDashboard(actor!, actor!.orgUnitId, 2025, 2, TODAY);
    expect(d.online.map((g) => g.maxPoints)).toEqual([18, 20, 22, 22, 18]);
    const digitisation = d.online.find((g) => g.name.startsWith("Số hóa"))!;
    expect(digitisation.indicators.map((i) => i.name)).toContain("Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC.");
    expect(d.online.some((g) => !g.missing)).toBe(true);
  });

  it("exports the same figures to a workbook with the commune and period in the title rows", async () => {
    const actor = await actAs("hanhdung.chutich");
    const d = await loadDashboard(actor!, actor!.orgUnitId, 2025, 2, TODAY);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await dashboardWorkbook(d)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    expect(ws.getCell("A2").value).toBe("Xã Hành Dũng – Huyện Nghĩa Hành");
    const ind = d.indicators.find((i) => i.code === "4")!;
    let found = false;
    ws.eachRow((row) => {
      if (row.getCell(3).value === ind.name) {
        found = true;
        expect(row.getCell(10).value).toBeCloseTo(ind.result.ytd.value!, 9);
        expect(row.getCell(10).numFmt).toBe('0.0"%"');
        expect(row.getCell(13).value).toBe({ ACHIEVED: "Đạt", AT_RISK: "Có nguy cơ", NOT_ACHIEVED: "Chưa đạt", NO_DATA: "Chưa có số liệu", NO_TARGET: "Không đặt chỉ tiêu" }[ind.status]);
      }
    });
    expect(found).toBe(true);
  });

  it("a chairman cannot load another commune's dashboard", async () => {
    const actor = await actAs("taythuan.chutich");
    const other = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Hành Dũng" } });
    await expect(loadDashboard(actor!, other.id, 2025, 3, TODAY)).rejects.toThrow("Bạn chỉ được xem và thay đổi dữ liệu của xã mình.");
  });
});

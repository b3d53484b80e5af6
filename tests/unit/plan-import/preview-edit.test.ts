// The corrections a clerk makes in the import preview keep the plan consistent: links stay
// pointed at the right rows, and warnings come and go with what they are about.
import { describe, expect, it } from "vitest";
import { parsePlanText, type ParsedIndicator, type ParsedTask } from "@/domain/plan-import";
import {
  MISSING_LEAD_WARNING,
  newUnitNames,
  planUnits,
  removeRow,
  rowText,
  setIndicatorTarget,
  setLeadUnit,
  setPlanYear,
  setRowText,
  setTaskDeadline,
  subtreeIndexes,
} from "@/domain/plan-import/preview-edit";
import { seedText } from "../../support/seed-documents";

const hanhDung = () => parsePlanText(seedText("hanh-dung-2025-tthc-control-plan.txt"));
const tayThuan = () => parsePlanText(seedText("tay-thuan-2025-indicators.txt"));

describe("preview corrections", () => {
  it("re-reads a deadline as it is typed; its warning follows the text", () => {
    const plan = hanhDung();
    const task = plan.rows.find((r): r is ParsedTask => r.type === "task")!;
    const bad = setTaskDeadline(task, "Khi nào xong", 2025);
    expect(bad.deadline.kind).toBe("NONE");
    expect(bad.warnings).toContain('Không hiểu thời hạn "Khi nào xong", cần kiểm tra lại');
    const good = setTaskDeadline(bad, "Trước ngày 30/6/2025", 2025);
    expect(good.deadline).toMatchObject({ kind: "DATE", dueDate: "2025-06-30", text: "Trước ngày 30/6/2025" });
    expect(good.warnings).not.toContain('Không hiểu thời hạn "Khi nào xong", cần kiểm tra lại');
  });

  it("re-reads a target, taking the unit from the measurement unit", () => {
    const plan = hanhDung();
    const indicator = plan.rows.find((r): r is ParsedIndicator => r.type === "indicator")!;
    expect(setIndicatorTarget(indicator, "Tối thiểu 70").target).toMatchObject({ rule: "AT_LEAST", value: 70, unit: "%", text: "Tối thiểu 70" });
    expect(setIndicatorTarget(indicator, "").target.rule).toBe("NONE");
  });

  it("sets the lead units as the field lists them (a co-lead stays a lead), and clears the missing-lead warning", () => {
    const plan = hanhDung();
    // Task 15 now reads its lead from the cell; a row without one is made here.
    const row15 = plan.rows.find((r): r is ParsedTask => r.type === "task" && r.code === "15")!;
    expect(row15.leadUnits).toEqual(["Các công chức tại Bộ phận Một cửa"]);
    const task: ParsedTask = { ...row15, leadUnits: [], coordinatingUnits: ["Các công chức tại Bộ phận Một cửa"], warnings: [MISSING_LEAD_WARNING] };
    const fixed = setLeadUnit(task, "Công chức tại Bộ phận Một cửa xã");
    expect(fixed.leadUnits).toEqual(["Công chức tại Bộ phận Một cửa xã"]);
    expect(fixed.warnings).not.toContain(MISSING_LEAD_WARNING);
    // The field shows "A; B"; the clerk makes C the lead with B: C is no longer coordinating, B stays a lead.
    const swapped = setLeadUnit({ ...task, leadUnits: ["A", "B"], coordinatingUnits: ["C"] }, "C; B");
    expect([swapped.leadUnits, swapped.coordinatingUnits]).toEqual([["C", "B"], []]);
  });

  it("clears an empty-text warning once the row has text", () => {
    const plan = hanhDung();
    const task = { ...(plan.rows[1] as ParsedTask), content: "", warnings: ["Dòng không có nội dung nhiệm vụ"] };
    expect(setRowText(task, "Có nội dung").warnings).toEqual([]);
    expect(rowText(setRowText(task, "Có nội dung"))).toBe("Có nội dung");
  });

  it("follows a changed plan year in deadlines written without one", () => {
    const plan = setPlanYear(hanhDung(), 2026);
    const task = plan.rows.find((r): r is ParsedTask => r.type === "task" && r.deadline.text === "Quý I")!;
    expect(task.deadline.periodEnd).toBe("2026-03-31");
  });

  it("removes a section with its rows, and an indicator with its sub-rows, relinking the rest", () => {
    const plan = hanhDung();
    const b = plan.rows.findIndex((r) => r.type === "section" && r.code === "B");
    const inside = subtreeIndexes(plan.rows, b);
    const { plan: after, kept } = removeRow(plan, b);
    expect(after.rows).toHaveLength(plan.rows.length - inside.length);
    expect(kept).not.toContain(b);
    expect(after.rows.map((r) => r.code).slice(0, 4)).toEqual(["A", "1", "2", "C"]);
    after.rows.forEach((row, i) => {
      if (row.parentIndex !== null) {
        expect(row.parentIndex).toBeLessThan(i);
        expect(after.rows[row.parentIndex].type).toBe("section");
      }
    });
    const c = after.rows.findIndex((r) => r.code === "C");
    expect(after.rows[c + 1].parentIndex).toBe(c);

    const tt = tayThuan();
    const parent = tt.rows.findIndex((r) => r.type === "indicator" && tt.rows.some((s) => s.type === "indicator" && s.parentIndicatorIndex === tt.rows.indexOf(r)));
    const subs = tt.rows.filter((r) => r.type === "indicator" && r.parentIndicatorIndex === parent).length;
    expect(subs).toBeGreaterThan(0);
    const removed = removeRow(tt, parent);
    expect(removed.plan.rows).toHaveLength(tt.rows.length - 1 - subs);
    removed.plan.rows.forEach((row) => {
      if (row.type === "indicator" && row.parentIndicatorIndex !== null) expect(removed.plan.rows[row.parentIndicatorIndex].type).toBe("indicator");
    });
  });

  it("matches units without diacritics and lists the ones saving will create, once each", () => {
    const plan = hanhDung();
    const matches = planUnits(plan, [{ id: "u1", name: "Văn phòng - Thống kê" }]);
    expect(matches.find((m) => m.name === "VP-TK")).toMatchObject({ unitId: "u1", existingName: "Văn phòng - Thống kê" });
    expect(matches.find((m) => m.name === "Văn phòng – Thống kê")).toMatchObject({ unitId: "u1" });
    const created = newUnitNames(matches);
    expect(created).toContain("Công chức tại Bộ phận Một cửa xã");
    expect(created).not.toContain("VP-TK");
    expect(new Set(created).size).toBe(created.length);
  });
});

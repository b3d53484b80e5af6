// The preview corrections that issue 15 found out of the clerk's reach: a row's kind, a missed
// row, an indicator's deadline and ratio labels, a group carried to sub-rows, and the value
// of the year a target is compared with.
import { describe, expect, it } from "vitest";
import { parsePlanText, type ParsedIndicator, type ParsedTask } from "@/domain/plan-import";
import { addRowAfter, changeRowKind, setBaseline, setIndicatorDeadline, setIndicatorGroup, setIndicatorTarget, setRatioLabels } from "@/domain/plan-import/preview-edit";

const TASKS = [
  "STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành\tKết quả",
  "I\tChỉ tiêu chung\t\t\t\t",
  "1\tTỷ lệ hồ sơ đúng hạn\tVăn phòng HĐND và UBND xã\tCông an xã\tQuý IV\t100%",
  "2\tBan hành kế hoạch\tVăn phòng HĐND và UBND xã\t\tQuý I\tKế hoạch",
].join("\n");

const INDICATORS = [
  "STT\tTên chỉ tiêu\tChỉ tiêu năm 2025\tĐơn vị theo dõi",
  "1\tChỉ số CCHC xếp hạng\tTăng ít nhất 01 bậc so với năm 2023\tVăn phòng",
  "2\tSố hóa hồ sơ\tTối thiểu 80%\tBộ phận Một cửa",
  "\t- Hồ sơ tiếp nhận\t100%\t",
].join("\n");

describe("changing a row's kind", () => {
  it("a task read where an indicator was meant becomes one, its lead following it and its result read as the target", () => {
    const plan = parsePlanText(TASKS, { year: 2025 });
    const at = plan.rows.findIndex((r) => r.code === "1");
    const next = changeRowKind(plan, at, "indicator");
    expect(next.rows[at]).toMatchObject({ type: "indicator", code: "1", name: "Tỷ lệ hồ sơ đúng hạn", target: { rule: "FULL", value: 100 }, monitoringUnits: ["Văn phòng HĐND và UBND xã"], implementingUnits: ["Công an xã"], deadline: { text: "Quý IV" }, parentIndex: 0 });
    const back = changeRowKind(next, at, "task");
    expect(back.rows[at]).toMatchObject({ type: "task", content: "Tỷ lệ hồ sơ đúng hạn", leadUnits: ["Văn phòng HĐND và UBND xã"], deadline: { kind: "PERIOD", periodEnd: "2025-12-31" } });
  });

  it("a heading turned into a task gives its rows to the section above it", () => {
    const plan = parsePlanText(TASKS, { year: 2025 });
    const next = changeRowKind(plan, 0, "task");
    expect(next.rows[0].type).toBe("task");
    expect(next.rows.slice(1).map((r) => r.parentIndex)).toEqual([null, null]);
  });
});

describe("adding a row", () => {
  it("adds an empty task inside the section of the row above, keeping every link", () => {
    const plan = parsePlanText(INDICATORS, { year: 2025 });
    const { plan: next, at } = addRowAfter(plan, 0, "task");
    expect(at).toBe(1);
    expect(next.rows).toHaveLength(plan.rows.length + 1);
    expect(next.rows[1]).toMatchObject({ type: "task", content: "", warnings: [] });
    const sub = next.rows[3] as ParsedIndicator;
    expect(sub.name).toBe("Hồ sơ tiếp nhận");
    expect(next.rows[sub.parentIndicatorIndex!]).toMatchObject({ name: "Số hóa hồ sơ" });
  });
});

describe("indicator fields", () => {
  const plan = parsePlanText(INDICATORS, { year: 2025 });
  const rank = plan.rows[0] as ParsedIndicator;

  it("asks for the named year's rank, and stops asking once it is typed", () => {
    expect(rank.warnings).toEqual([expect.stringContaining("thứ hạng năm 2023")]);
    const given = setBaseline(rank, "14");
    expect(given).toMatchObject({ baselineValue: 14, warnings: [] });
    expect(setBaseline(given, "").warnings).toHaveLength(1);
    expect(setIndicatorTarget(given, "Tối thiểu 80%").warnings).toEqual([]);
    expect(setIndicatorTarget(rank, "Giảm so với năm trước").warnings).toEqual([expect.stringContaining("số liệu năm trước")]);
  });

  it("keeps an indicator's own deadline and its ratio labels", () => {
    const row = setRatioLabels(setIndicatorDeadline(plan.rows[1] as ParsedIndicator, "Hoàn thành trong Quý I", 2025), { numerator: "Số hồ sơ số hóa", denominator: "Tổng số hồ sơ" });
    expect(row).toMatchObject({ deadline: { text: "Hoàn thành trong Quý I", periodEnd: "2025-03-31" }, numeratorLabel: "Số hồ sơ số hóa", denominatorLabel: "Tổng số hồ sơ" });
    expect(setIndicatorDeadline(row, "", 2025).deadline).toBeNull();
  });

  it("a main indicator's group carries to its sub-rows", () => {
    const next = setIndicatorGroup(plan, 1, "DTI");
    expect(next.rows.map((r) => (r as ParsedIndicator).group)).toEqual([plan.rows[0].type === "indicator" ? (plan.rows[0] as ParsedIndicator).group : null, "DTI", "DTI"]);
  });
});

// Keeps the type import used when the file is read alone.
export type { ParsedTask };

// The four real plans in prisma/demo, imported end to end. Counts and codes come from
// golden.ts; the spot checks pin down the rows the issue calls out.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  HEADLINE_SECTION_TITLE,
  parsePlanText,
  rowPath,
  type ParsedIndicator,
  type ParsedPlan,
  type ParsedRow,
  type ParsedSection,
  type ParsedTask,
} from "@/domain/plan-import";
import { GOLDEN } from "./golden";

const DEMO = path.resolve(__dirname, "../../../prisma/demo");
const plans = new Map<string, ParsedPlan>();

function plan(file: string): ParsedPlan {
  if (!plans.has(file)) plans.set(file, parsePlanText(fs.readFileSync(path.join(DEMO, file), "utf8")));
  return plans.get(file)!;
}

function byPath<T extends ParsedRow["type"]>(p: ParsedPlan, type: T, wanted: string): Extract<ParsedRow, { type: T }> {
  const index = p.rows.findIndex((r, i) => r.type === type && rowPath(p.rows, i) === wanted);
  expect(index, `${type} ${wanted}`).toBeGreaterThanOrEqual(0);
  return p.rows[index] as Extract<ParsedRow, { type: T }>;
}

function indicatorNamed(p: ParsedPlan, start: string): ParsedIndicator {
  const found = p.rows.filter((r): r is ParsedIndicator => r.type === "indicator" && r.name.startsWith(start));
  expect(found, `indicator "${start}"`).toHaveLength(1);
  return found[0];
}

function indexOf(p: ParsedPlan, row: ParsedRow): number {
  return p.rows.indexOf(row);
}

describe.each(Object.entries(GOLDEN))("seed %s", (file, golden) => {
  it("has the expected metadata", () => {
    const p = plan(file);
    expect(p.kind).toBe(golden.kind);
    expect(p.title).toBe(golden.title);
    expect(p.documentNumber).toBe(golden.documentNumber);
    expect(p.documentDate).toBe(golden.documentDate);
    expect(p.year).toBe(golden.year);
    expect(p.communeName).toBe(golden.communeName);
  });

  it("has the expected numbers of sections, tasks and indicators", () => {
    const rows = plan(file).rows;
    expect({
      sections: rows.filter((r) => r.type === "section").length,
      tasks: rows.filter((r) => r.type === "task").length,
      indicators: rows.filter((r) => r.type === "indicator").length,
    }).toEqual({ sections: golden.sections, tasks: golden.tasks, indicators: golden.indicators });
  });

  it("keeps every code in document order", () => {
    const rows = plan(file).rows;
    expect(rows.map((r) => r.code).filter(Boolean)).toEqual(golden.codes);
    expect(rows.map((_, i) => rowPath(rows, i)).filter(Boolean)).toEqual(golden.paths);
  });

  it("links every row to an earlier section and keeps depth consistent", () => {
    const rows = plan(file).rows;
    rows.forEach((row, i) => {
      if (row.parentIndex !== null) {
        expect(row.parentIndex).toBeLessThan(i);
        expect(rows[row.parentIndex].type).toBe("section");
      }
      if (row.type === "indicator" && row.parentIndicatorIndex !== null) {
        const parent = rows[row.parentIndicatorIndex];
        expect(parent.type).toBe("indicator");
        expect(row.parentIndex).toBe(parent.parentIndex);
        expect(row.depth).toBe(parent.depth + 1);
      } else {
        expect(row.depth).toBe(row.parentIndex === null ? 0 : rows[row.parentIndex].depth + 1);
      }
      // Only the synthetic headline section has no source line.
      if (!(row.type === "section" && row.title === HEADLINE_SECTION_TITLE)) expect(row.raw).not.toBe("");
    });
  });

  it("leaves no HTML in any text", () => {
    for (const row of plan(file).rows) {
      const texts =
        row.type === "section"
          ? [row.title]
          : row.type === "task"
            ? [row.content, row.requirement, row.expectedResult, row.deadline.text, ...row.leadUnits, ...row.coordinatingUnits]
            : [row.name, row.target.text, ...row.monitoringUnits, ...row.implementingUnits];
      for (const text of texts) expect(text ?? "").not.toMatch(/<\/?[a-z]+[^>]*>/i);
    }
  });
});

describe("Tây Thuận indicators", () => {
  const file = "tay-thuan-2025-indicators.txt";

  it("reads 1.1 PAR INDEX as a better rank than 2024", () => {
    const par = byPath(plan(file), "indicator", "1.1");
    expect(par.name).toBe("Chỉ số cải cách hành chính của xã (PAR INDEX)");
    expect(par.target).toMatchObject({ rule: "BETTER_RANK", referenceYear: 2024, value: null });
    expect(par.group).toBe("PAR_INDEX");
    expect(par.valueKind).toBe("RANK");
    expect(par.monitoringUnits).toEqual(["Văn phòng UBND xã"]);
    expect(par.implementingUnits).toEqual(["Các ban, ngành thuộc xã", "Bộ phận TN&TKQ xã"]);
    expect(par.implementingUnitText).toBe("Các ban, ngành thuộc xã; Bộ phận TN&TKQ xã");
  });

  it("tracks SIPAS, PCI and DTI without a target", () => {
    const p = plan(file);
    expect(byPath(p, "indicator", "1.2")).toMatchObject({ group: "SIPAS", valueKind: "NUMBER", target: { rule: "NONE", text: "" } });
    expect(byPath(p, "indicator", "1.3")).toMatchObject({ group: "PCI", monitoringUnits: ["Tài chính – Kế toán xã"] });
    expect(byPath(p, "indicator", "1.4")).toMatchObject({ group: "DTI", target: { rule: "NONE" } });
  });

  it("reads 6 as a done/not-done target", () => {
    const six = byPath(plan(file), "indicator", "6");
    expect(six.target.rule).toBe("DONE");
    expect(six.target.text).toBe("Hoàn thành các chỉ tiêu đề ra theo Quyết định số 3416/QĐ-UBND ngày 14/9/2023 của UBND tỉnh");
    expect(six.valueKind).toBe("BOOLEAN");
  });

  it("keeps the uncoded 'Tinh giản bộ máy' as an indicator lower than last year", () => {
    const p = plan(file);
    const row = indicatorNamed(p, "Tinh giản bộ máy");
    expect(row.code).toBeNull();
    expect(row.target).toMatchObject({ rule: "LOWER_THAN_LAST_YEAR", referenceYear: null, text: "Giảm số lượng so với năm trước" });
    expect(p.rows[row.parentIndex!]).toMatchObject({ type: "section", code: "3" });
  });

  it("makes headings without target or units into sections", () => {
    const p = plan(file);
    expect(byPath(p, "section", "1").title).toBe("Kết quả các chỉ số đánh giá hiệu quả cải cách hành chính của xã");
    expect(byPath(p, "section", "5").title).toBe("Đổi mới cơ chế hoạt động các đơn vị sự nghiệp công lập");
    expect(byPath(p, "section", "6.1").title).toBe("Chính quyền điện tử, chính quyền số");
  });

  it("attaches '-' sub-rows to the closest indicator above, across the page break", () => {
    const p = plan(file);
    const parent = byPath(p, "indicator", "7.3");
    expect(parent.target.rule).toBe("NONE");
    const subRows = p.rows.filter((r): r is ParsedIndicator => r.type === "indicator" && r.parentIndicatorIndex === indexOf(p, parent));
    expect(subRows.map((r) => [r.code, r.name, r.target.value])).toEqual([
      ["7.4", "Các ban, ngành thuộc huyện", 80],
      [null, "UBND xã.", 60],
    ]);
    expect(subRows[0].monitoringUnits).toEqual([]);
    expect(subRows[0].warnings.join(" ")).toMatch(/Mã 7\.4 nằm trên dòng con/);
  });

  it("puts 7.5 and the other online-service ratios under the uncoded 'Dịch vụ công trực tuyến' row", () => {
    const p = plan(file);
    const parent = indicatorNamed(p, "Dịch vụ công trực tuyến và thanh toán trực tuyến");
    const children = p.rows.filter((r): r is ParsedIndicator => r.type === "indicator" && r.parentIndicatorIndex === indexOf(p, parent));
    expect(children).toHaveLength(6);
    expect(children[0]).toMatchObject({
      code: "7.5",
      name: "Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên Cổng Dịch vụ công quốc gia",
      valueKind: "RATIO",
      group: "ONLINE_SERVICES",
      // "Bộ phận TN&TKQ xã Bộ phận TN&TKQ xã" in the PDF: one unit.
      monitoringUnits: ["Bộ phận TN&TKQ xã"],
      implementingUnits: ["Các ban, ngành thuộc xã", "Bộ phận TN&TKQ xã", "Tur pháp – Hộ tịch xã"],
    });
    expect(children[1]).toMatchObject({ name: "Tỷ lệ hồ sơ giải quyết toàn trình, một phần", target: { rule: "AT_LEAST", value: 75, unit: "%" } });
    expect(indicatorNamed(p, "Cung cấp dịch vụ công chứng thực điện tử").parentIndicatorIndex).toBeNull();
  });

  it("reports the bare 7.6 line instead of dropping it silently", () => {
    expect(plan(file).warnings).toContain("Dòng 7.6 không có nội dung, đã bỏ qua");
  });

  it("reads plain percentages as 'at least'", () => {
    const p = plan(file);
    expect(byPath(p, "indicator", "7.1").target).toMatchObject({ rule: "AT_LEAST", value: 60, unit: "%" });
    expect(byPath(p, "indicator", "2").target).toMatchObject({ rule: "FULL", value: 100, unit: "%" });
    expect(byPath(p, "indicator", "7.2")).toMatchObject({ group: "DTI", valueKind: "RATIO" });
  });
});

describe("Tân Đức PAR/SIPAS plan", () => {
  const file = "tan-duc-2024-par-sipas-plan.txt";

  it("puts the body's headline targets first, in a synthetic section", () => {
    const rows = plan(file).rows;
    expect(rows[0]).toMatchObject({ type: "section", code: null, title: HEADLINE_SECTION_TITLE, parentIndex: null });
    const [par, sipas] = rows.slice(1, 3) as ParsedIndicator[];
    expect(par).toMatchObject({
      name: "Chỉ số cải cách hành chính xã Tân Đức",
      group: "PAR_INDEX",
      valueKind: "NUMBER",
      parentIndex: 0,
      depth: 1,
      target: { rule: "AT_LEAST", value: 85, unit: "điểm" },
    });
    expect(sipas).toMatchObject({ group: "SIPAS", valueKind: "NUMBER", target: { rule: "AT_LEAST", value: 90, unit: "%" } });
    for (const row of [par, sipas]) expect(row.warnings).toContain("Trích từ phần nội dung kế hoạch, kiểm tra lại");
  });

  it("keeps the document date text when the day is blank", () => {
    expect(plan(file)).toMatchObject({ documentDate: null, documentDateText: "tháng 02 năm 2024" });
  });

  it("reads latest-date and quarter deadlines", () => {
    const p = plan(file);
    expect(byPath(p, "task", "I.1.1").deadline).toEqual({
      text: "Chậm nhất trước ngày 31/12/2024",
      kind: "DATE",
      dueDate: "2024-12-31",
      periodStart: null,
      periodEnd: null,
    });
    expect(byPath(p, "task", "V.5.3").deadline).toMatchObject({ kind: "DATE", dueDate: "2024-12-31" });
    expect(byPath(p, "task", "VII.7.3.2").deadline).toEqual({
      text: "Quý III năm 2024",
      kind: "PERIOD",
      dueDate: "2024-09-30",
      periodStart: "2024-07-01",
      periodEnd: "2024-09-30",
    });
    expect(byPath(p, "task", "I.1.4").deadline.kind).toBe("DEPENDENT");
    expect(byPath(p, "task", "III.3.1.1").deadline.kind).toBe("ONGOING");
  });

  it("joins 4.1 across the page break, inside its same-numbered section", () => {
    const p = plan(file);
    const task = byPath(p, "task", "IV.4.1");
    expect(task.content).toBe("Sắp xếp tổ chức bộ máy đúng chuyên môn, nghiệp vụ đảm bảo hoàn thành 100% nhiệm vụ được giao");
    expect(task.requirement).toBe(
      "100% công chức chuyên môn của xã được phân công đúng chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức đúng quy định",
    );
    expect(p.rows[task.parentIndex!]).toMatchObject({ type: "section", code: "4.1" });
  });

  it("nests bold coded rows without other cells as sections", () => {
    const p = plan(file);
    const section = byPath(p, "section", "II.2.1");
    expect(section.title).toBe("Theo dõi thi hành pháp luật");
    expect(byPath(p, "task", "II.2.1.2").requirement).toMatch(/theo thẩm quyền$/);
    // 2.2 is a sibling of section 2.1, back under II.
    expect(p.rows[byPath(p, "task", "II.2.2").parentIndex!]).toMatchObject({ code: "II" });
  });

  it("reads lead and coordinating columns", () => {
    const task = byPath(plan(file), "task", "VII.7.1.1");
    expect(task.leadUnits).toEqual(["Công chức VP UBND", "Công chức Văn hóa và Thông tin"]);
    expect(task.coordinatingUnits).toEqual(["Cán bộ, công chức thuộc UBND xã"]);
    expect(task.leadUnitText).toBe("Công chức VP UBND; công chức Văn hóa và Thông tin");
  });

  it("derives one indicator per 'Tỷ lệ' task, with the commune-level target", () => {
    const p = plan(file);
    const task = byPath(p, "task", "VII.7.2.1");
    const derived = p.rows[indexOf(p, task) + 1] as ParsedIndicator;
    expect(derived).toMatchObject({
      type: "indicator",
      name: "Tỷ lệ xử lý văn bản, hồ sơ công việc trên môi trường mạng",
      valueKind: "RATIO",
      parentIndex: task.parentIndex,
      target: { rule: "AT_LEAST", value: 50, unit: "%" },
    });
    expect(derived.warnings[0]).toBe("Chỉ tiêu suy ra từ nhiệm vụ 7.2.1");
    expect(derived.warnings.join(" ")).toMatch(/cấp xã/);
    expect(p.rows[indexOf(p, byPath(p, "task", "VII.7.3.2")) + 1]).toMatchObject({
      name: "Tỷ lệ dịch vụ công trực tuyến toàn trình",
      target: { rule: "FULL", value: 100 },
    });
  });

  it("reads the numerator and denominator of 7.3.3, and does not take the district's 90% as the commune's", () => {
    const p = plan(file);
    const derived = p.rows[indexOf(p, byPath(p, "task", "VII.7.3.3")) + 1] as ParsedIndicator;
    expect(derived.warnings.join(" ")).toMatch(/mức của cấp khác.*của huyện đạt tỷ lệ 90%.*cần nhập chỉ tiêu của xã/);
    expect(derived).toMatchObject({
      name: "Tỷ lệ hồ sơ trực tuyến toàn trình",
      target: { rule: "NONE", value: null },
      numeratorLabel: "Tổng số hồ sơ được xử lý trực tuyến của các TTHC công bố thực hiện toàn trình",
      denominatorLabel:
        "Tổng số hồ sơ tiếp nhận của các TTHC công bố thực hiện trực tuyến toàn trình (gồm cả hồ sơ xử lý trực tuyến và hồ sơ xử lý trực tiếp)",
    });
  });

  it("splits 7.3.4's requirement into three ratios", () => {
    const p = plan(file);
    const at = indexOf(p, byPath(p, "task", "VII.7.3.4"));
    const derived = p.rows.slice(at + 1, at + 4) as ParsedIndicator[];
    expect(derived.map((d) => [d.name, d.target.rule, d.target.value])).toEqual([
      ["Tỷ lệ TTHC được triển khai thanh toán trực tuyến", "FULL", 100],
      ["Tỷ lệ TTHC có phát sinh giao dịch thanh toán trực tuyến", "AT_LEAST", 70],
      ["Tỷ lệ hồ sơ thanh toán trực tuyến", "AT_LEAST", 30],
    ]);
    expect(derived.every((d) => d.group === "ONLINE_SERVICES" && d.monitoringUnits[0] === "Công chức Tư pháp")).toBe(true);
  });

  it("proposes every quantified expected result as an indicator, by one rule", () => {
    const p = plan(file);
    const after = (path: string) => p.rows[indexOf(p, byPath(p, "task", path)) + 1] as ParsedIndicator;
    const read = (path: string) => {
      const d = after(path);
      return [d.type, d.name, d.target.rule, d.target.value, d.target.unit, d.valueKind, d.warnings[0]];
    };
    expect(read("I.1.1")).toEqual(["indicator", "Số sáng kiến, giải pháp được công nhận phạm vi ảnh hưởng", "AT_LEAST", 1, "sáng kiến", "NUMBER", "Chỉ tiêu suy ra từ nhiệm vụ 1.1"]);
    expect(read("I.1.6")).toEqual(["indicator", "Số cuộc đối thoại giữa lãnh đạo xã với người dân", "AT_LEAST", 1, "cuộc", "NUMBER", "Chỉ tiêu suy ra từ nhiệm vụ 1.6"]);
    expect(read("II.2.2")).toEqual(["indicator", "Tỷ lệ văn bản đã xử lý/kiến nghị xử lý", "FULL", 100, "%", "RATIO", "Chỉ tiêu suy ra từ nhiệm vụ 2.2"]);
    expect(read("V.5.3")).toEqual(["indicator", "Tỷ lệ cán bộ, công chức được đào tạo, bồi dưỡng khi cấp trên tổ chức", "FULL", 100, "%", "RATIO", "Chỉ tiêu suy ra từ nhiệm vụ 5.3"]);
    expect(read("VI.6.2.1").slice(2, 6)).toEqual(["AT_LEAST", 90, "%", "RATIO"]);
    expect(read("VI.6.2.1")[1]).toMatch(/^Tỷ lệ cơ sở nhà, đất được cấp có thẩm quyền phê duyệt phương án/);
    expect(read("VII.7.3.1")).toEqual(["indicator", "Tỷ lệ hồ sơ, kết quả giải quyết được số hóa", "FULL", 100, "%", "RATIO", "Chỉ tiêu suy ra từ nhiệm vụ 7.3.1"]);
    // The task's own completion is its progress, not a second figure to report.
    expect(after("I.1.2").type).toBe("task");
  });

  it("does not invent a target for 5.4, whose requirement states no number", () => {
    const p = plan(file);
    expect(p.rows[indexOf(p, byPath(p, "task", "V.5.4")) + 1]).toMatchObject({ type: "section", code: "VI" });
  });
});

describe("Hành Dũng TTHC control plan", () => {
  const file = "hanh-dung-2025-tthc-control-plan.txt";

  it("has 22 tasks in sections A-D, with I-VII under B", () => {
    const p = plan(file);
    const topSections = p.rows.filter((r): r is ParsedSection => r.type === "section" && r.parentIndex === null);
    expect(topSections.map((s) => s.code)).toEqual(["A", "B", "C", "D"]);
    const b = indexOf(p, topSections[1]);
    expect(p.rows.filter((r) => r.type === "section" && r.parentIndex === b).map((r) => r.code)).toEqual([
      "I", "II", "III", "IV", "V", "VI", "VII",
    ]);
    const tasks = p.rows.filter((r): r is ParsedTask => r.type === "task");
    expect(tasks.map((t) => t.code)).toEqual(Array.from({ length: 22 }, (_, i) => String(i + 1)));
  });

  it("splits the shared units cell by 'chủ trì' and 'phối hợp'", () => {
    const task = byPath(plan(file), "task", "A.1");
    expect(task.leadUnits).toEqual(["Văn phòng - Thống kê"]);
    expect(task.coordinatingUnits).toEqual(["Các ban, ngành, công chức liên quan"]);
    expect(task.leadUnitText).toBe("- Văn phòng - Thống kê chủ trì.\n- Các ban, ngành, công chức liên quan phối hợp.");
    expect(task.deadline).toMatchObject({ kind: "PERIOD", periodStart: "2025-01-01", periodEnd: "2025-03-31" });
  });

  it("reads recurring and dependent deadlines and joins wrapped content", () => {
    const p = plan(file);
    expect(byPath(p, "task", "B.II.8").deadline.kind).toBe("RECURRING");
    expect(byPath(p, "task", "B.II.8").content).toMatch(/Thông tư số 01\/2018\/TT-VPCP và hướng dẫn của Văn phòng Chính phủ\.$/);
    expect(byPath(p, "task", "D.22").deadline).toMatchObject({
      kind: "RECURRING",
      text: "- Định kỳ 3 tháng/lần.\n- Đợt xuất theo thời điểm yêu cầu.",
    });
    expect(byPath(p, "task", "B.VI.17").deadline.kind).toBe("DEPENDENT");
    expect(byPath(p, "task", "C.20").deadline).toMatchObject({ kind: "NONE", text: "" });
  });

  it("turns <ul> results into one line per item", () => {
    expect(byPath(plan(file), "task", "B.III.12").expectedResult?.split("\n")).toHaveLength(3);
  });

  it("reads indicator 4 of the appendix as at least 60%", () => {
    const p = plan(file);
    const four = p.rows.find((r): r is ParsedIndicator => r.type === "indicator" && r.code === "4")!;
    expect(four.name).toBe("Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết TTHC.");
    expect(four.target).toEqual({ text: "Tối thiểu 60", rule: "AT_LEAST", value: 60, unit: "%", referenceYear: null });
    expect(four.measurementUnit).toBe("%");
    expect(four.valueKind).toBe("RATIO");
    expect(four.group).toBe("ONLINE_SERVICES");
    expect(four.implementingUnits).toEqual(["Các công chức tại Bộ phận Một cửa xã"]);
    expect(four.monitoringUnits).toEqual(["VP-TK"]);
  });

  it("reads satisfaction as a SIPAS number, not a ratio", () => {
    const p = plan(file);
    const ten = p.rows.find((r): r is ParsedIndicator => r.type === "indicator" && r.code === "10")!;
    expect(ten).toMatchObject({ group: "SIPAS", valueKind: "NUMBER", target: { rule: "AT_LEAST", value: 90, unit: "%" } });
  });
});

describe("Diên Khánh PAR/SIPAS plan", () => {
  const file = "dien-khanh-2025-par-sipas-plan.txt";

  it("reads section III written in the code cell, with tasks 1-3", () => {
    const p = plan(file);
    const three = byPath(p, "section", "A.III");
    expect(three.title).toBe("CẢI CÁCH THỂ CHẾ");
    const at = indexOf(p, three);
    expect(p.rows.filter((r) => r.parentIndex === at).map((r) => [r.type, r.code])).toEqual([
      ["task", "1"],
      ["task", "2"],
      ["task", "3"],
    ]);
    expect(byPath(p, "task", "A.III.3").deadline).toMatchObject({ kind: "DATE", dueDate: "2025-12-01" });
  });

  it("reads A.I.1 'Trong năm 2025' as the whole year", () => {
    const task = byPath(plan(file), "task", "A.I.1");
    expect(task.deadline).toEqual({
      text: "Trong năm 2025",
      kind: "PERIOD",
      dueDate: "2025-12-31",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
    });
    expect(task.leadUnits).toEqual(["Phòng Văn hóa - xã hội"]);
    expect(task.coordinatingUnits).toEqual(["Các cơ quan, đơn vị"]);
    expect(task.expectedResult).toMatch(/\(kèm tài liệu minh chứng\)$/);
  });

  it("treats deadlines that cite another body as dependent, even with a date inside", () => {
    expect(byPath(plan(file), "task", "A.I.2").deadline.kind).toBe("DEPENDENT");
  });

  it("nests '1 Sắp xếp...' under V as a section and keeps the uncoded task", () => {
    const p = plan(file);
    const v = indexOf(p, byPath(p, "section", "A.V"));
    expect(byPath(p, "section", "A.V.1").parentIndex).toBe(v);
    const uncoded = p.rows.find((r): r is ParsedTask => r.type === "task" && r.content.startsWith("Đẩy mạnh thực hiện cơ chế tự chủ"))!;
    expect(uncoded).toMatchObject({ code: null, parentIndex: v, deadline: { kind: "DEPENDENT" }, leadUnits: ["Phòng Kinh tế"] });
    expect(uncoded.warnings).toEqual([]);
  });

  it("joins A.IV.7 across the page break, cell by cell", () => {
    const task = byPath(plan(file), "task", "A.IV.7");
    expect(task.content).toBe("Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết");
    expect(task.deadline).toMatchObject({ text: "Trong năm 2025", kind: "PERIOD" });
    expect(task.leadUnits).toEqual(["Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND xã"]);
  });

  it("splits 'A/B' unit lists and cuts prose at the first verb", () => {
    const task = byPath(plan(file), "task", "A.VIII.7");
    expect(task.leadUnits).toEqual(["Trung tâm Phục vụ hành chính công", "Các phòng chuyên môn"]);
    expect(task.coordinatingUnits).toEqual(["Phòng Văn hóa - Xã hội"]);
  });

  it("derives the ratio indicators stated in expected results", () => {
    const p = plan(file);
    const at = indexOf(p, byPath(p, "task", "A.VIII.7"));
    expect(p.rows.slice(at + 1, at + 3).map((r) => [(r as ParsedIndicator).name, (r as ParsedIndicator).target.rule, (r as ParsedIndicator).target.value])).toEqual([
      ["Tỷ lệ hồ sơ trực tuyến toàn trình trên tổng số hồ sơ giải quyết TTHC của xã", "AT_LEAST", 70],
      ["Tỷ lệ thanh toán trực tuyến trên tổng số giao dịch của dịch vụ công", "AT_LEAST", 70],
    ]);
    const electronic = indicatorNamed(p, "Tỷ lệ cấp kết quả giải quyết TTHC điện tử");
    expect(electronic.target).toMatchObject({ rule: "FULL", value: 100, unit: "%" });
    expect(electronic.warnings[0]).toBe("Chỉ tiêu suy ra từ nhiệm vụ A.IV.5");
  });

  it("takes the body's satisfaction target as a headline indicator", () => {
    const rows = plan(file).rows;
    expect(rows[1]).toMatchObject({
      type: "indicator",
      name: "Mức độ hài lòng của tổ chức, cá nhân",
      group: "SIPAS",
      target: { rule: "AT_LEAST", value: 90, unit: "%" },
    });
  });

  it("skips the trailing markdown separator line", () => {
    expect(plan(file).warnings).toEqual([]);
    expect(plan(file).rows.some((r) => r.raw.includes("-----"))).toBe(false);
  });
});

// The unit defects issue 15 lists, row by row: every unit the cell names, with its role,
// and the cell's instructions kept as the row's note.
describe("units as the documents write them", () => {
  const TAN_DUC = "tan-duc-2024-par-sipas-plan.txt";
  const HANH_DUNG = "hanh-dung-2025-tthc-control-plan.txt";
  const DIEN_KHANH = "dien-khanh-2025-par-sipas-plan.txt";
  const TAY_THUAN = "tay-thuan-2025-indicators.txt";
  const units = (t: ParsedTask) => ({ lead: t.leadUnits, coordinating: t.coordinatingUnits });

  it("Tân Đức: combined lead cells are split; 7.1.1 and 7.1.2 keep both leads", () => {
    const p = plan(TAN_DUC);
    for (const code of ["VII.7.3.5", "VIII.8.1.1", "VIII.8.1.2"]) {
      const t = byPath(p, "task", code);
      expect(t.leadUnits, code).toHaveLength(2);
      expect(t.leadUnits[0], code).toBe("Cán bộ, công chức thuộc UBND xã");
      expect(t.leadUnits[1], code).toMatch(/^Bộ phận (một|mottj) cửa$/);
    }
    expect(byPath(p, "task", "III.3.1.2").coordinatingUnits).toEqual(["Văn phòng UBND", "Công chức phụ trách Văn hóa và Thông tin"]);
    for (const code of ["VII.7.1.1", "VII.7.1.2"]) {
      expect(units(byPath(p, "task", code))).toEqual({
        lead: ["Công chức VP UBND", "Công chức Văn hóa và Thông tin"],
        coordinating: ["Cán bộ, công chức thuộc UBND xã"],
      });
    }
  });

  it("Hành Dũng: task 15 has its lead; tasks 4 and 5 keep the rest of the cell as a note", () => {
    const p = plan(HANH_DUNG);
    const t15 = byPath(p, "task", "B.IV.15");
    expect(units(t15)).toEqual({ lead: ["Các công chức tại Bộ phận Một cửa"], coordinating: ["CBCC có liên quan"] });
    expect(t15.warnings).not.toContain("Không xác định được đơn vị chủ trì; cần chọn lại");
    expect(t15.note).toMatch(/phối hợp xử lý, trả lời tổ chức, cá nhân/);
    for (const code of ["B.II.4", "B.II.5"]) {
      const t = byPath(p, "task", code);
      expect(t.leadUnits).toEqual(["Các công chức chuyên môn"]);
      expect(t.note).toMatch(/tham mưu Chủ tịch UBND xã đề nghị cấp trên xem xét, quyết định/);
    }
  });

  it("Diên Khánh: 'X chủ trì, phối hợp Y' keeps Y; A.IV.3 names the centre; reporting dates stay as notes", () => {
    const p = plan(DIEN_KHANH);
    expect(units(byPath(p, "task", "A.VIII.6"))).toEqual({ lead: ["Trung tâm Phục vụ hành chính công xã"], coordinating: ["Các cơ quan chuyên môn thuộc xã"] });
    expect(units(byPath(p, "task", "B.II.1.2"))).toEqual({
      lead: ["Trung tâm Phục vụ hành chính công"],
      coordinating: ["Phòng Văn hóa – Xã hội", "Các cơ quan chuyên môn thuộc xã"],
    });
    expect(byPath(p, "task", "B.II.2.4").coordinatingUnits).toEqual(["Các cơ quan chuyên môn"]);
    expect(byPath(p, "task", "B.II.4.1").coordinatingUnits).toEqual(["Các cơ quan chuyên môn"]);
    expect(byPath(p, "task", "B.II.5.3").coordinatingUnits).toContain("Văn phòng HĐND và UBND xã");
    expect(byPath(p, "task", "A.IV.3").coordinatingUnits).toEqual(["Trung tâm Phục vụ hành chính công", "Các phòng chuyên môn"]);
    for (const code of ["A.I.1", "A.II.1"]) expect(byPath(p, "task", code).note, code).toMatch(/trước ngày 25\/11\/2025/);
  });

  it("Tây Thuận 7.3 keeps both monitoring units of 'A và B'", () => {
    const p = plan(TAY_THUAN);
    const i = byPath(p, "indicator", "7.3");
    expect(i.monitoringUnits).toEqual(["Văn hóa – Xã hội", "Đài truyền thanh xã", "Văn phòng UBND xã"]);
  });
});

describe("compound recurring deadlines", () => {
  it("Hành Dũng 19 'Định kỳ 06 tháng và cuối năm' keeps both due dates", () => {
    const t = byPath(plan("hanh-dung-2025-tthc-control-plan.txt"), "task", "B.VII.19");
    expect(t.deadline).toMatchObject({ kind: "RECURRING", occurrences: ["2025-06-30", "2025-12-31"] });
  });
});

import { describe, expect, it } from "vitest";
import { parseDeadline } from "@/domain/plan-import";

describe("parseDeadline", () => {
  it("reads quarters, with the plan year or the written one", () => {
    expect(parseDeadline("Quý I", 2025)).toEqual({
      text: "Quý I",
      kind: "PERIOD",
      dueDate: "2025-03-31",
      periodStart: "2025-01-01",
      periodEnd: "2025-03-31",
    });
    expect(parseDeadline("Quý III năm 2024", 2030)).toMatchObject({ periodStart: "2024-07-01", dueDate: "2024-09-30" });
    expect(parseDeadline("Quý IV", 2024)).toMatchObject({ periodStart: "2024-10-01", periodEnd: "2024-12-31" });
    expect(parseDeadline("Quý 2/2025", null)).toMatchObject({ periodStart: "2025-04-01", periodEnd: "2025-06-30" });
  });

  it.each([
    ["Chậm nhất trước ngày 31/12/2024", "2024-12-31"],
    ["Trước 31/12/2024", "2024-12-31"],
    ["Trước ngày 25/11/2025", "2025-11-25"],
    ["Ngày 01/12/2025", "2025-12-01"],
    ["Trước ngày 30 tháng 6 năm 2025", "2025-06-30"],
    ["29/02/2024", "2024-02-29"],
  ])("%s is a date", (text, due) => {
    expect(parseDeadline(text, 2025)).toEqual({ text, kind: "DATE", dueDate: due, periodStart: null, periodEnd: null });
  });

  it("completes a date written without a year from the plan year", () => {
    expect(parseDeadline("Trước 15/12", 2025)).toMatchObject({ kind: "DATE", dueDate: "2025-12-15" });
    expect(parseDeadline("Trước 15/12", null)).toMatchObject({ kind: "DATE", dueDate: null });
  });

  it("reads the whole year", () => {
    expect(parseDeadline("Trong năm 2024", null)).toEqual({
      text: "Trong năm 2024",
      kind: "PERIOD",
      dueDate: "2024-12-31",
      periodStart: "2024-01-01",
      periodEnd: "2024-12-31",
    });
    expect(parseDeadline("Trong năm", 2025)).toMatchObject({ kind: "PERIOD", periodStart: "2025-01-01", dueDate: "2025-12-31" });
  });

  it("reads ongoing and recurring work", () => {
    expect(parseDeadline("Thường xuyên", 2025)).toEqual({ text: "Thường xuyên", kind: "ONGOING", dueDate: null, periodStart: null, periodEnd: null });
    for (const text of ["Hàng quý/năm", "Định kỳ 06 tháng và cuối năm", "Định kỳ 3 tháng/lần", "- Định kỳ theo quy định. - Đợt xuất theo thời điểm yêu cầu."]) {
      expect(parseDeadline(text, 2025).kind, text).toBe("RECURRING");
    }
  });

  it("keeps bullet lines of a multi-line cell", () => {
    expect(parseDeadline("<ul> - Định kỳ 3 tháng/lần. - Đợt xuất theo thời điểm yêu cầu. </ul>", 2025).text).toBe(
      "- Định kỳ 3 tháng/lần.\n- Đợt xuất theo thời điểm yêu cầu.",
    );
  });

  it.each([
    "Theo kế hoạch",
    "Theo Kế hoạch",
    "Theo kế hoạch kiểm tra của xã",
    "Theo tiến độ triển khai của tỉnh",
    "Theo tiến độ thời gian",
    "Theo hướng dẫn Sở Nội vụ/ Sở Tài chính",
    "Theo thời gian yêu cầu tại Công văn số 2039/UBND-PVHCC ngày 14/8/2025 của UBND tỉnh Khánh Hòa",
    "Theo kế hoạch của tỉnh giao",
  ])("%s depends on another body", (text) => {
    expect(parseDeadline(text, 2025)).toMatchObject({ kind: "DEPENDENT", dueDate: null });
  });

  it("reads blank as no deadline", () => {
    expect(parseDeadline("", 2025)).toEqual({ text: "", kind: "NONE", dueDate: null, periodStart: null, periodEnd: null });
  });

  it("refuses dates that do not exist, keeping the text", () => {
    expect(parseDeadline("Trước 31/02/2025", 2025)).toEqual({
      text: "Trước 31/02/2025",
      kind: "NONE",
      dueDate: null,
      periodStart: null,
      periodEnd: null,
    });
    expect(parseDeadline("29/02/2025", 2025).kind).toBe("NONE");
  });

  it("leaves unknown wording as NONE with the text kept", () => {
    expect(parseDeadline("Khi có yêu cầu", 2025)).toMatchObject({ kind: "NONE", text: "Khi có yêu cầu" });
  });
});

describe("recurring deadlines keep every due date in the year", () => {
  it("'Định kỳ 06 tháng và cuối năm' is due 30/6 and 31/12", () => {
    expect(parseDeadline("Định kỳ 06 tháng và cuối năm", 2025)).toMatchObject({ kind: "RECURRING", occurrences: ["2025-06-30", "2025-12-31"] });
  });
  it("'hằng quý' is due at each quarter's end; a written date is kept beside it", () => {
    expect(parseDeadline("Hằng quý", 2025).occurrences).toEqual(["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"]);
    expect(parseDeadline("Định kỳ hằng quý; báo cáo năm trước ngày 15/12/2025", 2025).occurrences).toEqual([
      "2025-03-31",
      "2025-06-30",
      "2025-09-30",
      "2025-12-15",
      "2025-12-31",
    ]);
  });
  it("'hằng tháng' is due at each month's end; without a year there are no dates", () => {
    expect(parseDeadline("Hằng tháng", 2024).occurrences).toHaveLength(12);
    expect(parseDeadline("Hằng quý", null).occurrences).toBeUndefined();
  });
});

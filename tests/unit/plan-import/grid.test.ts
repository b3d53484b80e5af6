// The table core fed with cells directly, as an .xlsx or .docx reader will.

import { describe, expect, it } from "vitest";
import { parsePlanGrid, type GridLine, type ParsedIndicator, type ParsedSection, type ParsedTask } from "@/domain/plan-import";

const line = (cells: string[], afterBreak = false): GridLine => ({ cells, afterBreak });

describe("parsePlanGrid", () => {
  it("finds columns by header text, whatever their order", () => {
    const { rows } = parsePlanGrid(
      [
        line(["STT", "Tiến độ", "Cơ quan phối hợp", "Nhiệm vụ cụ thể", "Cơ quan chủ trì", "Kết quả/sản phẩm"]),
        line(["1", "Quý II", "Phòng Kinh tế", "Rà soát TTHC", "Trung tâm Phục vụ hành chính công xã", "Báo cáo"]),
      ],
      { year: 2025 },
    );
    expect(rows[0]).toMatchObject({
      type: "task",
      content: "Rà soát TTHC",
      expectedResult: "Báo cáo",
      leadUnits: ["Trung tâm Phục vụ hành chính công xã"],
      coordinatingUnits: ["Phòng Kinh tế"],
      deadline: { kind: "PERIOD", periodStart: "2025-04-01", periodEnd: "2025-06-30" },
    });
  });

  it("merges a two-line header", () => {
    const { rows, warnings } = parsePlanGrid(
      [
        line(["STT", "Chỉ tiêu", "Chỉ tiêu phấn đấu năm 2025", "Trách nhiệm cụ thể", ""]),
        line(["", "", "", "Đơn vị theo dõi, hướng dẫn thực hiện", "Đơn vị thực hiện"]),
        line(["1", "Tỷ lệ TTHC công khai", "100%", "Văn phòng UBND xã", "Các ban, ngành thuộc xã"]),
      ],
      { year: 2025 },
    );
    expect(warnings).toEqual([]);
    expect(rows[0]).toMatchObject({
      type: "indicator",
      monitoringUnits: ["Văn phòng UBND xã"],
      implementingUnits: ["Các ban, ngành thuộc xã"],
      target: { rule: "FULL", value: 100 },
    });
  });

  it("continues the previous row only after a page break", () => {
    const header = line(["STT", "Nội dung công việc", "Thời gian thực hiện", "Cơ quan chủ trì"]);
    const { rows } = parsePlanGrid(
      [
        header,
        line(["1", "Xây dựng kế hoạch", "Trong năm", "Văn phòng UBND"]),
        line(["", "Một nhiệm vụ không đánh số", "Thường xuyên", "Phòng Kinh tế"]),
        line(["", "- và báo cáo kết quả", "", ""], true),
      ],
      { year: 2025 },
    );
    const tasks = rows as ParsedTask[];
    expect(tasks).toHaveLength(2);
    expect(tasks[1]).toMatchObject({ code: null, content: "Một nhiệm vụ không đánh số\n- và báo cáo kết quả" });
  });

  it("nests sections by code and reopens the right level", () => {
    const { rows } = parsePlanGrid(
      [
        line(["STT", "Nội dung công việc", "Thời gian thực hiện"]),
        line(["A", "PHẦN A", ""]),
        line(["I", "MỤC I", ""]),
        line(["1", "Nhóm 1", ""]),
        line(["1.1", "Việc 1.1", "Quý I"]),
        line(["2", "Việc 2", "Quý I"]),
        line(["II.", "MỤC II", ""]),
        line(["", "Việc không số", "Quý I"]),
        line(["B", "PHẦN B", ""]),
      ],
      { year: 2025 },
    );
    const summary = rows.map((r) => [r.type, r.code, r.parentIndex === null ? null : rows[r.parentIndex].code, r.depth]);
    expect(summary).toEqual([
      ["section", "A", null, 0],
      ["section", "I", "A", 1],
      ["section", "1", "I", 2],
      ["task", "1.1", "1", 3],
      ["task", "2", "I", 2],
      ["section", "II", "A", 1],
      ["task", null, "II", 2],
      ["section", "B", null, 0],
    ]);
  });

  it("reads letters C, D and an I after H as letters", () => {
    const rows = parsePlanGrid(
      [line(["STT", "Nội dung công việc", "Thời gian thực hiện"]), ...["A", "B", "C", "D", "E", "F", "G", "H", "I"].map((c) => line([c, `Phần ${c}`, ""]))],
      { year: 2025 },
    ).rows as ParsedSection[];
    expect(rows.every((r) => r.depth === 0)).toBe(true);
  });

  it("reads a code written in the text cell of a heading", () => {
    const { rows } = parsePlanGrid(
      [line(["STT", "Nhiệm vụ cụ thể", "Tiến độ"]), line(["", "IV. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", ""]), line(["1", "Rà soát", "Quý I"])],
      { year: 2025 },
    );
    expect(rows[0]).toMatchObject({ type: "section", code: "IV", title: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH" });
    expect(rows[1].parentIndex).toBe(0);
  });

  it("starts a new table when a different header appears, and closes one at a heading line", () => {
    const { rows, warnings } = parsePlanGrid(
      [
        line(["STT", "Nội dung công việc", "Thời gian thực hiện"]),
        line(["A", "PHẦN A", ""]),
        line(["1", "Việc 1", "Quý I"]),
        line(["Phụ lục chỉ tiêu"]),
        line(["STT", "Nội dung chỉ tiêu", "Đơn vị", "Chỉ tiêu năm 2025"]),
        line(["1", "Tỷ lệ hồ sơ trực tuyến", "%", "Tối thiểu 60"]),
      ],
      { year: 2025 },
    );
    // The heading line closes the task table silently; only the missing units column is reported.
    expect(warnings).toEqual(["Bảng nhiệm vụ không có cột đơn vị chủ trì; cần giao đơn vị sau khi nhập"]);
    expect(rows.map((r) => [r.type, r.code, r.parentIndex])).toEqual([
      ["section", "A", null],
      ["task", "1", 0],
      ["indicator", "1", null],
    ]);
  });

  it("turns a sub-row with no indicator above into a plain indicator, with a warning", () => {
    const { rows } = parsePlanGrid(
      [line(["STT", "Chỉ tiêu", "Chỉ tiêu năm 2025"]), line(["1", "Nhóm chỉ tiêu", ""]), line(["", "- Tỷ lệ A", "80%"])],
      { year: 2025 },
    );
    expect(rows[1]).toMatchObject({ type: "indicator", name: "Tỷ lệ A", parentIndicatorIndex: null, parentIndex: 0 });
    expect((rows[1] as ParsedIndicator).warnings.join(" ")).toMatch(/không có chỉ tiêu cha/);
  });

  it("reads a dash alone in the number column as a sub-row of the row above, in its group", () => {
    const { rows } = parsePlanGrid(
      [
        line(["STT", "Tên chỉ tiêu", "Chỉ tiêu năm 2025", "Đơn vị theo dõi"]),
        line(["III", "Chuyển đổi số, dịch vụ công trực tuyến", "", ""]),
        line(["4", "Tỷ lệ thanh toán trực tuyến", "Trên 50%", "Bộ phận Một cửa"]),
        line(["5", "Số hóa kết quả giải quyết TTHC", "", ""]),
        line(["-", "Hồ sơ được số hóa khi tiếp nhận", "100%", ""]),
        line(["-", "Kết quả được số hóa", "Tối thiểu 90%", ""]),
      ],
      { year: 2025 },
    );
    const main = rows[2] as ParsedIndicator;
    expect(main).toMatchObject({ type: "indicator", code: "5", group: "ONLINE_SERVICES", target: { rule: "NONE" } });
    expect(main.warnings.join(" ")).toMatch(/chỉ tiêu chính của các dòng “-”/);
    for (const sub of rows.slice(3) as ParsedIndicator[]) {
      expect(sub).toMatchObject({ type: "indicator", code: null, parentIndicatorIndex: 2, group: "ONLINE_SERVICES" });
      expect(sub.warnings).toEqual([]);
    }
  });

  it("reports rows that carry only a code, and data before any header", () => {
    const { rows, warnings } = parsePlanGrid(
      [line(["1", "Dòng trước bảng", "100%"]), line(["STT", "Chỉ tiêu", "Chỉ tiêu năm 2025"]), line(["7.6", "", ""])],
      { year: 2025 },
    );
    expect(rows).toEqual([]);
    expect(warnings).toEqual(['Dòng nằm ngoài bảng, đã bỏ qua: "1 | Dòng trước bảng | 100%"', "Dòng 7.6 không có nội dung, đã bỏ qua"]);
  });

  it("keeps a code it cannot read as a warning on the row", () => {
    const { rows } = parsePlanGrid([line(["STT", "Nội dung công việc", "Thời gian thực hiện"]), line(["1a)", "Việc lạ", "Quý I"])], {
      year: 2025,
    });
    expect(rows[0]).toMatchObject({ type: "task", code: null, content: "Việc lạ" });
    expect(rows[0].warnings).toContain('Không đọc được số thứ tự "1a)"');
    expect(rows[0].raw).toBe("1a) | Việc lạ | Quý I");
  });

  it("warns when there is no table at all, and tolerates junk cells", () => {
    expect(parsePlanGrid([], { year: null }).warnings[0]).toMatch(/Không tìm thấy bảng/);
    const junk = [{ cells: [null, 3, undefined] as unknown as string[], afterBreak: false }];
    expect(() => parsePlanGrid(junk, { year: null })).not.toThrow();
  });
});

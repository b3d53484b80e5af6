// Whatever the user pastes or uploads, the importer answers with a plan and reasons,
// never an exception.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlanText, type ParsedIndicator, type ParsedTask } from "@/domain/plan-import";
import { seededBytes } from "../../support/random";

const DEMO = path.resolve(__dirname, "../../../prisma/demo");
const read = (file: string) => fs.readFileSync(path.join(DEMO, file), "utf8");

const TASK_HEADER = "STT\tNội dung công việc\tKết quả công việc\tCơ quan, đơn vị thực hiện\tThời gian thực hiện";

describe("parsePlanText robustness", () => {
  it("reads CRLF line endings like LF", () => {
    const lf = parsePlanText(read("tay-thuan-2025-indicators.txt"));
    const crlf = parsePlanText(read("tay-thuan-2025-indicators.txt").replace(/\n/g, "\r\n"));
    expect(crlf).toEqual(lf);
  });

  it("normalises NFD input to NFC", () => {
    const nfc = parsePlanText(read("tan-duc-2024-par-sipas-plan.txt"));
    const nfd = parsePlanText(read("tan-duc-2024-par-sipas-plan.txt").normalize("NFD"));
    expect(nfd).toEqual(nfc);
    expect(nfd.communeName).toBe("Tân Đức");
    expect(nfd.communeName!.normalize("NFC")).toBe(nfd.communeName);
  });

  it("answers an empty file with a warning", () => {
    for (const text of ["", "   \n\n\t  \r\n"]) {
      const plan = parsePlanText(text);
      expect(plan.rows).toEqual([]);
      expect(plan.warnings).toEqual(["Tệp trống, không có nội dung để nhập"]);
    }
  });

  it("answers random bytes with warnings, not an exception", () => {
    for (const seed of [1, 42, 20250101]) {
      const text = seededBytes(4096, seed).toString("latin1");
      const plan = parsePlanText(text);
      expect(plan.rows).toEqual([]);
      expect(plan.warnings.some((w) => w.includes("ký tự không đọc được"))).toBe(true);
      expect(plan.warnings.some((w) => w.includes("Không tìm thấy bảng"))).toBe(true);
    }
  });

  it("answers a binary file read as UTF-8 (replacement characters) the same way", () => {
    const plan = parsePlanText(seededBytes(2048, 7).toString("utf8"));
    expect(plan.rows).toEqual([]);
    expect(plan.warnings.length).toBeGreaterThan(0);
  });

  it("answers text without a table with a warning but still reads the metadata", () => {
    const plan = parsePlanText("Số: 12/KH-UBND\n\nKẾ HOẠCH\nCải cách hành chính xã An Bình năm 2026\n\nNội dung không có bảng.");
    expect(plan.rows).toEqual([]);
    expect(plan.warnings.join(" ")).toMatch(/Không tìm thấy bảng/);
    expect(plan).toMatchObject({
      title: "Kế hoạch cải cách hành chính xã An Bình năm 2026",
      kind: "CCHC_YEARLY",
      documentNumber: "12/KH-UBND",
      year: 2026,
      communeName: "An Bình",
    });
  });

  it("survives input that is not a string", () => {
    expect(() => parsePlanText(undefined as unknown as string)).not.toThrow();
    expect(parsePlanText(null as unknown as string).warnings.length).toBeGreaterThan(0);
  });

  it("skips a header repeated mid-table and joins the row it cut", () => {
    const text = [
      "KẾ HOẠCH",
      "Kiểm soát thủ tục hành chính năm 2025 xã Thử",
      "",
      TASK_HEADER,
      "A\tVăn bản\t\t\t",
      "1\tXây dựng văn bản về kiểm\tQuyết định\tVăn phòng - Thống kê chủ trì\tQuý I",
      TASK_HEADER,
      "\tsoát TTHC năm 2025\t\t\t",
      "2\tCông khai TTHC\tTTHC được công khai\tBộ phận Một cửa\tThường xuyên",
    ].join("\n");
    const plan = parsePlanText(text);
    const tasks = plan.rows.filter((r): r is ParsedTask => r.type === "task");
    expect(tasks.map((t) => t.content)).toEqual(["Xây dựng văn bản về kiểm soát TTHC năm 2025", "Công khai TTHC"]);
    expect(tasks.every((t) => t.parentIndex === 0)).toBe(true);
    expect(plan.warnings).toEqual([]);
  });

  it("sets deadlines to NONE and warns when the deadline column is missing", () => {
    const text = ["STT\tNội dung công việc\tCơ quan chủ trì", "1\tCông khai TTHC\tBộ phận Một cửa", "2\tSố hóa hồ sơ\tVăn phòng UBND xã"].join(
      "\n",
    );
    const plan = parsePlanText(text, { year: 2025 });
    const tasks = plan.rows.filter((r): r is ParsedTask => r.type === "task");
    expect(tasks).toHaveLength(2);
    expect(tasks.map((t) => t.deadline.kind)).toEqual(["NONE", "NONE"]);
    expect(tasks[1].leadUnits).toEqual(["Văn phòng UBND xã"]);
    expect(plan.warnings).toContain("Bảng nhiệm vụ không có cột thời hạn; thời hạn của các nhiệm vụ để trống");
  });

  it("keeps the text of a column it does not know as a row warning", () => {
    const text = ["STT\tNội dung công việc\tThời gian thực hiện\tKinh phí", "1\tMua máy scan\tQuý II\t20 triệu đồng"].join("\n");
    const plan = parsePlanText(text, { year: 2025 });
    expect(plan.warnings.join(" ")).toMatch(/không nhận ra cột "Kinh phí"/);
    const task = plan.rows[0] as ParsedTask;
    expect(task.deadline).toMatchObject({ kind: "PERIOD", periodStart: "2025-04-01" });
    expect(task.warnings).toContain('Cột "Kinh phí": 20 triệu đồng');
  });

  it("warns about an impossible date on the row, keeping its text", () => {
    const text = [TASK_HEADER, "1\tBáo cáo\tBáo cáo năm\tVăn phòng\tTrước 31/02/2025"].join("\n");
    const task = parsePlanText(text).rows[0] as ParsedTask;
    expect(task.deadline).toMatchObject({ kind: "NONE", text: "Trước 31/02/2025" });
    expect(task.warnings.join(" ")).toMatch(/không hợp lệ/);
  });

  it("lets opts.year override the year found in the title", () => {
    const text = ["KẾ HOẠCH", "Cải cách hành chính năm 2025", "", TASK_HEADER, "1\tBáo cáo\t\tVăn phòng\tQuý I"].join("\n");
    const plan = parsePlanText(text, { year: 2026 });
    expect(plan.year).toBe(2026);
    expect((plan.rows[0] as ParsedTask).deadline.periodStart).toBe("2026-01-01");
  });

  it("warns when no year is known and the deadline needs one", () => {
    const plan = parsePlanText([TASK_HEADER, "1\tBáo cáo\t\tVăn phòng\tQuý I"].join("\n"));
    expect(plan.year).toBeNull();
    expect((plan.rows[0] as ParsedTask).warnings.join(" ")).toMatch(/Không rõ năm/);
    expect(plan.warnings.join(" ")).toMatch(/năm của kế hoạch/);
  });

  it("reads an indicator table written with HTML and bullets", () => {
    const text = [
      "STT\tNội dung chỉ tiêu\tĐơn vị\tChỉ tiêu năm 2025\tCác ngành, công chức thực hiện",
      "<b>1</b>\t<b>Tỷ lệ hồ sơ trực tuyến</b>\t%\t<p>Tối thiểu 60</p>\t<ul><li>Bộ phận Một cửa xã</li><li>VP-TK theo dõi, tổng hợp</li></ul>",
    ].join("\n");
    const [row] = parsePlanText(text).rows as ParsedIndicator[];
    expect(row).toMatchObject({
      code: "1",
      name: "Tỷ lệ hồ sơ trực tuyến",
      target: { rule: "AT_LEAST", value: 60, unit: "%" },
      implementingUnits: ["Bộ phận Một cửa xã"],
      monitoringUnits: ["VP-TK"],
    });
  });
});

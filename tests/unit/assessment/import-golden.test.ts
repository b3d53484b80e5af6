// Golden test of the criteria import: the same table built as an .xlsx and as a .docx, read
// by the plan readers and the criteria parser, gives exactly the expected tree.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { readPlanFile } from "@/server/plans/readers";
import { parseCriteriaText, structureMax } from "@/domain/assessment";

const TABLE = [
  ["STT", "Nội dung", "Điểm tối đa", "Hướng dẫn chấm", "Tài liệu kiểm chứng", "Đơn vị chấm"],
  ["I", "Công tác chỉ đạo, điều hành", "3", "", "", ""],
  ["1", "Kế hoạch CCHC năm", "", "", "", ""],
  ["1.1", "Ban hành kế hoạch đúng hạn", "1", "Đúng hạn: 1 điểm", "Kế hoạch CCHC", ""],
  ["1.2", "Mức độ hoàn thành kế hoạch", "2", "Tỷ lệ nhiệm vụ hoàn thành ≥ 100%: 2 điểm; 80–100%: 1", "Báo cáo kết quả", ""],
  ["II", "Chính quyền số", "7", "", "", ""],
  ["1", "Hồ sơ trực tuyến", "4", "Tỷ lệ hồ sơ trực tuyến ≥ 70 %: 4 điểm; 50–70 %: 2", "Số liệu hệ thống", ""],
  ["2", "Sự hài lòng", "", "", "", ""],
  ["2.1", "Khảo sát hài lòng", "3", "Theo kết quả khảo sát", "Phiếu khảo sát", "Tỉnh chấm"],
];

const EXPECTED = {
  areas: [
    {
      code: "I",
      title: "Công tác chỉ đạo, điều hành",
      criteria: [
        {
          code: "1",
          title: "Kế hoạch CCHC năm",
          subCriteria: [
            { code: "1.1", text: "Ban hành kế hoạch đúng hạn", maxPoints: 1, allowHalf: false, guidance: "Đúng hạn: 1 điểm", expectedEvidence: "Kế hoạch CCHC", scoredBy: "SELF", figureRule: null },
            {
              code: "1.2",
              text: "Mức độ hoàn thành kế hoạch",
              maxPoints: 2,
              allowHalf: false,
              guidance: "Tỷ lệ nhiệm vụ hoàn thành ≥ 100%: 2 điểm; 80–100%: 1",
              expectedEvidence: "Báo cáo kết quả",
              scoredBy: "SELF",
              figureRule: { steps: [{ min: 100, points: 2 }, { min: 80, points: 1 }], unit: "%", indicatorHint: "nhiệm vụ hoàn thành" },
            },
          ],
        },
      ],
    },
    {
      code: "II",
      title: "Chính quyền số",
      criteria: [
        {
          code: "1",
          title: "Hồ sơ trực tuyến",
          subCriteria: [
            {
              code: "1",
              text: "Hồ sơ trực tuyến",
              maxPoints: 4,
              allowHalf: false,
              guidance: "Tỷ lệ hồ sơ trực tuyến ≥ 70 %: 4 điểm; 50–70 %: 2",
              expectedEvidence: "Số liệu hệ thống",
              scoredBy: "SELF",
              figureRule: { steps: [{ min: 70, points: 4 }, { min: 50, points: 2 }], unit: "%", indicatorHint: "hồ sơ trực tuyến" },
            },
          ],
        },
        {
          code: "2",
          title: "Sự hài lòng",
          subCriteria: [{ code: "2.1", text: "Khảo sát hài lòng", maxPoints: 3, allowHalf: false, guidance: "Theo kết quả khảo sát", expectedEvidence: "Phiếu khảo sát", scoredBy: "PROVINCE", figureRule: null }],
        },
      ],
    },
  ],
};

async function xlsxBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tiêu chí");
  ws.addRow(["BỘ TIÊU CHÍ CHỈ SỐ CCHC CẤP XÃ"]);
  for (const row of TABLE) ws.addRow(row.map((c) => (/^\d+$/.test(c) && TABLE.indexOf(row) > 0 && row.indexOf(c) === 2 ? Number(c) : c)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function docxBytes(): Promise<Uint8Array> {
  const table = new Table({
    rows: TABLE.map((row) => new TableRow({ children: row.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun(c)] })] })) })),
  });
  const doc = new Document({ sections: [{ children: [new Paragraph("BỘ TIÊU CHÍ CHỈ SỐ CCHC CẤP XÃ"), table] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe("criteria import golden", () => {
  for (const [kind, build, name] of [
    ["xlsx", xlsxBytes, "bo-tieu-chi.xlsx"],
    ["docx", docxBytes, "bo-tieu-chi.docx"],
  ] as const) {
    it(`reads the table from a .${kind} into the expected areas, criteria and sub-criteria`, async () => {
      const { text } = await readPlanFile(await build(), name);
      const parsed = parseCriteriaText(text);
      expect(parsed.structure).toEqual(EXPECTED);
      expect(structureMax(parsed.structure)).toBe(10);
      expect(parsed.warnings).toEqual(["Tổng điểm tối đa là 10, không phải 100."]);
    });
  }
});

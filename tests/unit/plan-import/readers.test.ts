// Word and Excel uploads read like the pasted text: each seed plan written to a .docx (with
// the `docx` package) and an .xlsx (with exceljs) in the test gives the same rows as
// parsePlanText on the seed text, with the counts and codes of golden.ts.
import { describe, expect, it } from "vitest";
import { parsePlanGrid, parsePlanText, rowPath, type GridLine, type ParsedPlan, type ParsedRow } from "@/domain/plan-import";
import { blocksToPlanText } from "@/domain/plan-import/document-text";
import { docxToPlanText, htmlToBlocks } from "@/server/plans/readers/docx";
import { readXlsxSheets, sheetsToGridLines, xlsxToGridLines, xlsxToPlanText } from "@/server/plans/readers/xlsx";
import { readPlanFile } from "@/server/plans/readers";
import { zipProblem } from "@/server/plans/readers/zip-guard";
import { strToU8, zipSync } from "fflate";
import { seedDocx, seedText, seedXlsx } from "../../support/seed-documents";
import { GOLDEN } from "./golden";

function textOf(row: ParsedRow): string {
  return row.type === "section" ? row.title : row.type === "task" ? row.content : row.name;
}

/** What a plan is made of, without the raw cells (which differ in markup by source). */
function shape(plan: ParsedPlan) {
  return plan.rows.map((row, i) => ({
    type: row.type,
    code: row.code,
    path: rowPath(plan.rows, i),
    parentIndex: row.parentIndex,
    text: textOf(row),
    deadline: row.type === "task" ? row.deadline : null,
    target: row.type === "indicator" ? row.target : null,
    units: row.type === "task" ? [row.leadUnits, row.coordinatingUnits] : row.type === "indicator" ? [row.monitoringUnits, row.implementingUnits] : null,
  }));
}

function counts(plan: ParsedPlan) {
  return {
    sections: plan.rows.filter((r) => r.type === "section").length,
    tasks: plan.rows.filter((r) => r.type === "task").length,
    indicators: plan.rows.filter((r) => r.type === "indicator").length,
  };
}

describe.each(Object.entries(GOLDEN))("seed %s as a file", (file, golden) => {
  const text = seedText(file);
  const expected = parsePlanText(text);

  it("a .docx gives the same plan as the pasted text", async () => {
    const bytes = await seedDocx(text);
    const { text: docText, messages } = await docxToPlanText(bytes);
    expect(messages).toEqual([]);
    const plan = parsePlanText(docText);
    expect(counts(plan)).toEqual({ sections: golden.sections, tasks: golden.tasks, indicators: golden.indicators });
    expect(plan.rows.map((r) => r.code).filter(Boolean)).toEqual(golden.codes);
    expect(shape(plan)).toEqual(shape(expected));
    expect({ title: plan.title, kind: plan.kind, number: plan.documentNumber, date: plan.documentDate, year: plan.year }).toEqual({
      title: golden.title,
      kind: golden.kind,
      number: golden.documentNumber,
      date: golden.documentDate,
      year: golden.year,
    });
  });

  it("an .xlsx gives the same grid rows and the same plan", async () => {
    const bytes = await seedXlsx(text);
    // The table parser fed the sheet's rows directly, from the first header on, against the
    // seed's tab-separated lines (a blank line marking a page break, as parsePlanText does).
    const lines = await xlsxToGridLines(bytes);
    const sheetGrid = lines.slice(lines.findIndex((l) => l.cells.length > 1));
    const seedLines = text.replace(/\r\n?/g, "\n").split("\n");
    const seedGrid: GridLine[] = [];
    let afterBreak = false;
    for (const line of seedLines.slice(seedLines.findIndex((l) => l.includes("\t")))) {
      if (!line.trim()) afterBreak = true;
      else {
        seedGrid.push({ cells: line.split("\t"), afterBreak });
        afterBreak = false;
      }
    }
    const fromSheet = parsePlanGrid(sheetGrid, { year: golden.year });
    const fromSeed = parsePlanGrid(seedGrid, { year: golden.year });
    expect(fromSheet.rows.length).toBeGreaterThan(0);
    expect(shape({ ...expected, rows: fromSheet.rows })).toEqual(shape({ ...expected, rows: fromSeed.rows }));

    // The whole workbook through the one parser path, metadata included.
    const plan = parsePlanText(await xlsxToPlanText(bytes));
    expect(counts(plan)).toEqual({ sections: golden.sections, tasks: golden.tasks, indicators: golden.indicators });
    expect(plan.rows.map((r) => r.code).filter(Boolean)).toEqual(golden.codes);
    expect(shape(plan)).toEqual(shape(expected));
    expect(plan.title).toBe(golden.title);
  });

  it("readPlanFile picks the reader from the content, whatever the name", async () => {
    const docx = await readPlanFile(await seedDocx(text), "ke-hoach.xlsx");
    expect(counts(parsePlanText(docx.text))).toEqual(counts(expected));
  });
});

describe("Word tables", () => {
  it("spreads merged cells so columns stay in place (a unit merged down reaches every row), and reads letterheads as lines", () => {
    const html =
      "<table><tr><td><p>UBND XÃ HÀNH DŨNG</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p></td></tr>" +
      "<tr><td><p>Số: 48/QĐ-UBND</p></td><td><p>Hành Dũng, ngày 03 tháng 3 năm 2025</p></td></tr></table>" +
      "<p>KẾ HOẠCH</p><p>Kiểm soát thủ tục hành chính năm 2025</p>" +
      "<table><tr><th>STT</th><th>Nội dung công việc</th><th>Cơ quan, đơn vị thực hiện</th><th>Thời gian thực hiện</th></tr>" +
      '<tr><td><p><strong>A</strong></p></td><td colspan="3"><p><strong>Ban hành văn bản</strong></p></td></tr>' +
      '<tr><td>1</td><td><p>Xây dựng kế hoạch</p></td><td rowspan="2"><ul><li>Văn phòng - Thống kê chủ trì.</li><li>Các ban, ngành phối hợp.</li></ul></td><td>Quý I</td></tr>' +
      "<tr><td>2</td><td>Rà soát TTHC</td><td>Quý II</td></tr></table>";
    const text = blocksToPlanText(htmlToBlocks(html));
    const plan = parsePlanText(text);
    expect(plan).toMatchObject({ documentNumber: "48/QĐ-UBND", documentDate: "2025-03-03", year: 2025 });
    expect(plan.rows.map((r) => [r.type, r.code, textOf(r)])).toEqual([
      ["section", "A", "Ban hành văn bản"],
      ["task", "1", "Xây dựng kế hoạch"],
      ["task", "2", "Rà soát TTHC"],
    ]);
    expect(plan.rows[1]).toMatchObject({ leadUnits: ["Văn phòng - Thống kê"], coordinatingUnits: ["Các ban, ngành"] });
    // The unit cell merged over tasks 1 and 2 is task 2's too (issue 15: it reached one row of three).
    expect(plan.rows[2]).toMatchObject({ leadUnits: ["Văn phòng - Thống kê"], coordinatingUnits: ["Các ban, ngành"], deadline: { kind: "PERIOD", periodEnd: "2025-06-30" } });
  });

  it("a lead unit merged down three rows of a Word table reaches all three; the merged code column does not", () => {
    const html =
      "<table><tr><th>TT</th><th>Nội dung</th><th>Đơn vị chủ trì</th><th>Thời gian hoàn thành</th></tr>" +
      '<tr><td>1</td><td>Việc một</td><td rowspan="3">Văn phòng HĐND và UBND xã</td><td rowspan="2">Quý I</td></tr>' +
      "<tr><td>2</td><td>Việc hai</td></tr>" +
      "<tr><td>3</td><td>Việc ba</td><td>Quý III</td></tr></table>";
    const plan = parsePlanText(blocksToPlanText(htmlToBlocks(html)), { year: 2025 });
    expect(plan.rows.map((r) => [r.code, textOf(r), r.type === "task" ? r.leadUnits.join("; ") : "", r.type === "task" ? r.deadline.text : ""])).toEqual([
      ["1", "Việc một", "Văn phòng HĐND và UBND xã", "Quý I"],
      ["2", "Việc hai", "Văn phòng HĐND và UBND xã", "Quý I"],
      ["3", "Việc ba", "Văn phòng HĐND và UBND xã", "Quý III"],
    ]);
  });

  it("keeps a table split over two Word tables as one", () => {
    const html =
      "<table><tr><td>STT</td><td>Nội dung công việc</td><td>Thời gian thực hiện</td></tr><tr><td>1</td><td>Việc một</td><td>Quý I</td></tr></table>" +
      "<p></p><table><tr><td></td><td>còn tiếp của việc một</td><td></td></tr><tr><td>2</td><td>Việc hai</td><td>Quý II</td></tr></table>";
    const plan = parsePlanText(blocksToPlanText(htmlToBlocks(html)), { year: 2025 });
    expect(plan.rows.map(textOf)).toEqual(["Việc một còn tiếp của việc một", "Việc hai"]);
  });
});

describe("Excel cells", () => {
  it("reads percentages, dates, bold headings and merged titles as a clerk sees them", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("KH");
    ws.addRow(["PHỤ LỤC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2025"]);
    ws.mergeCells("A1:D1");
    ws.addRow([]);
    ws.addRow(["STT", "Chỉ tiêu", "Chỉ tiêu phấn đấu năm 2025", "Đơn vị thực hiện"]);
    ws.addRow([null, "Cải cách thủ tục hành chính"]).getCell(2).font = { bold: true };
    const ratio = ws.addRow([1, "Tỷ lệ hồ sơ trực tuyến", 0.6, "Bộ phận Một cửa"]);
    ratio.getCell(3).numFmt = "0%";
    ws.addRow([2, "Tỷ lệ số hóa\nhồ sơ", "Tối thiểu 80%", "Bộ phận Một cửa"]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const sheets = await readXlsxSheets(bytes);
    expect(sheets[0].rows[0]).toEqual(["PHỤ LỤC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2025"]);
    expect(sheets[0].rows[4][2]).toBe("60%");
    expect(sheets[0].rows[3][1]).toBe("<b>Cải cách thủ tục hành chính</b>");
    expect(sheetsToGridLines(sheets).map((l) => l.afterBreak)).toEqual([true, true, false, false, false]);
    const plan = parsePlanText(await xlsxToPlanText(bytes));
    expect(plan.rows.map((r) => [r.type, textOf(r)])).toEqual([
      ["section", "Cải cách thủ tục hành chính"],
      ["indicator", "Tỷ lệ hồ sơ trực tuyến"],
      ["indicator", "Tỷ lệ số hóa hồ sơ"],
    ]);
    expect(plan.rows[1]).toMatchObject({ target: { rule: "AT_LEAST", value: 60, unit: "%" } });

    // Formatting or a note far outside the table changes nothing and costs nothing.
    ws.getCell("XFD1048000").value = "ghi chú ngoài bảng";
    ws.getCell("C900000").numFmt = "0%";
    const far = Buffer.from(await wb.xlsx.writeBuffer());
    const started = Date.now();
    const again = parsePlanText(await xlsxToPlanText(far));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(again.rows.map((r) => textOf(r))).toEqual(plan.rows.map((r) => textOf(r)));
  });
});

describe("Excel merged cells and ditto marks", () => {
  it("a unit merged down three rows reaches all three; 'nt', '-nt-' and 'như trên' copy the cell above", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("NV");
    ws.addRow(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]);
    ws.addRow([1, "Rà soát TTHC", "Văn phòng HĐND và UBND xã", "Công an xã", "Quý II"]);
    ws.addRow([2, "Niêm yết TTHC", null, "nt", "-nt-"]);
    ws.addRow([3, "Số hóa hồ sơ", null, "Như trên", "Quý IV"]);
    ws.addRow([4, "Tiếp nhận hồ sơ", "Trung tâm Phục vụ hành chính công xã", "", "Thường xuyên"]);
    ws.mergeCells("C2:C4");
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const plan = parsePlanText(await xlsxToPlanText(bytes), { year: 2025 });
    const tasks = plan.rows.filter((r) => r.type === "task");
    expect(tasks.map((t) => [t.code, t.leadUnits.join("; "), t.coordinatingUnits.join("; "), t.deadline.text])).toEqual([
      ["1", "Văn phòng HĐND và UBND xã", "Công an xã", "Quý II"],
      ["2", "Văn phòng HĐND và UBND xã", "Công an xã", "Quý II"],
      ["3", "Văn phòng HĐND và UBND xã", "Công an xã", "Quý IV"],
      ["4", "Trung tâm Phục vụ hành chính công xã", "", "Thường xuyên"],
    ]);
    expect(tasks[1].deadline).toMatchObject({ kind: "PERIOD", periodEnd: "2025-06-30" });
  });
});

describe("file checks", () => {
  it("refuses what is not a .docx or .xlsx, with a hint, in Vietnamese", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
    await expect(readPlanFile(pdf, "ke-hoach.pdf")).rejects.toThrow(/Chỉ nhận tệp Word \(.docx\) hoặc Excel \(.xlsx\).*dán/);
    await expect(readPlanFile(new TextEncoder().encode("hello"), "ke-hoach.doc")).rejects.toThrow(/lưu lại dạng .docx/);
  });

  it("refuses a zip that claims more content than any plan has", async () => {
    const bytes = new Uint8Array(await seedDocx("KẾ HOẠCH"));
    expect(await zipProblem(bytes)).toBeNull();
    // Claim 200 MB for the first entry of the central directory.
    const view = new DataView(bytes.buffer);
    let eocd = bytes.length - 22;
    while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
    const central = view.getUint32(eocd + 16, true);
    view.setUint32(central + 24, 200 * 1024 * 1024, true);
    expect(await zipProblem(bytes)).toMatch(/quá lớn/);
    expect(await zipProblem(new Uint8Array([1, 2, 3]))).toMatch(/không đọc được/);
  });

  it("counts the bytes that really inflate, whatever the headers declare (issue 18, finding 2)", async () => {
    // word/document.xml declares 1,000 bytes in both headers but inflates to 16 MB.
    const bomb = lyingZip(16 * 1024 * 1024, 1000);
    // Refused although 16 MB is under the caps: more came out than the entry declared.
    expect(await zipProblem(bomb)).toMatch(/không đọc được/);
    // And with headers that do not lie the same content is refused by the count.
    expect(await zipProblem(lyingZip(16 * 1024 * 1024, null), { entryBytes: 4 * 1024 * 1024, totalBytes: 64 * 1024 * 1024, entries: 100 })).toMatch(/quá lớn/);
    await expect(readPlanFile(bomb, "ke-hoach.docx")).rejects.toThrow(/không đọc được|quá lớn/);
  });

  it("stops at the cap per entry and in total even when every header tells the truth", async () => {
    const honest = lyingZip(3 * 1024 * 1024, null);
    expect(await zipProblem(honest)).toBeNull();
    expect(await zipProblem(honest, { entryBytes: 1024 * 1024, totalBytes: 100 * 1024 * 1024, entries: 100 })).toMatch(/quá lớn/);
    expect(await zipProblem(honest, { entryBytes: 100 * 1024 * 1024, totalBytes: 2 * 1024 * 1024, entries: 100 })).toMatch(/quá lớn/);
    expect(await zipProblem(honest, { entryBytes: 100 * 1024 * 1024, totalBytes: 100 * 1024 * 1024, entries: 1 })).toMatch(/cấu trúc quá lớn/);
  });
});

describe("plain text and .csv files", () => {
  it("reads a .txt file as pasted text and a .csv table (quoted cells, line breaks) as the same table", async () => {
    const { readPlanFile: read, csvToPlanText } = await import("@/server/plans/readers");
    const tsv = "STT\tNhiệm vụ cụ thể\tTiến độ\tCơ quan chủ trì\n1\tRà soát văn bản\tQuý II\tCông chức Tư pháp - Hộ tịch";
    expect((await read(new TextEncoder().encode(tsv), "ke-hoach.txt")).text).toBe(tsv);
    const csv = 'STT,Nhiệm vụ cụ thể,Tiến độ,Cơ quan chủ trì\r\n1,"Rà soát, hệ thống hóa văn bản",Quý II,"Văn phòng UBND xã\nCông chức Tư pháp - Hộ tịch"\r\n';
    expect(csvToPlanText(csv)).toBe("STT\tNhiệm vụ cụ thể\tTiến độ\tCơ quan chủ trì\n1\tRà soát, hệ thống hóa văn bản\tQuý II\tVăn phòng UBND xã<br>Công chức Tư pháp - Hộ tịch");
    expect(csvToPlanText("STT;Nội dung\n1;A, B")).toBe("STT\tNội dung\n1\tA, B");
    expect((await read(new TextEncoder().encode(csv), "ke-hoach.csv")).text).toContain("Rà soát, hệ thống hóa văn bản");
  });
});
const DOCX_CONTENT_TYPES = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

/** A .docx-shaped zip whose document.xml inflates to `size` bytes and declares `declared` (null: the truth). */
function lyingZip(size: number, declared: number | null): Uint8Array {
  const xml = new Uint8Array(size).fill(0x20);
  const zip = zipSync({ "[Content_Types].xml": strToU8(DOCX_CONTENT_TYPES), "word/document.xml": xml }, { level: 1 });
  if (declared === null) return zip;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    const nameAt = sig === 0x04034b50 ? i + 30 : sig === 0x02014b50 ? i + 46 : -1;
    if (nameAt < 0) continue;
    const nameLength = view.getUint16(i + (sig === 0x04034b50 ? 26 : 28), true);
    if (new TextDecoder().decode(zip.subarray(nameAt, nameAt + nameLength)) !== "word/document.xml") continue;
    view.setUint32(i + (sig === 0x04034b50 ? 22 : 24), declared, true);
  }
  return zip;
}

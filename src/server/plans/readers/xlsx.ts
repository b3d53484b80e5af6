// .xlsx -> rows of cells (GridLine) with exceljs. A sheet is read as it is shown: merged
// cells in their first cell (the rows a cell is merged down over get the DITTO mark), percentages as "80%", dates as dd/mm/yyyy (the deadline
// parser reads them like typed dates), bold cells wrapped in <b> (uncoded bold rows are headings).
import "server-only";
import ExcelJS from "exceljs";
import type { GridLine } from "@/domain/plan-import";
import { blocksToPlanText, type DocumentBlock } from "@/domain/plan-import/document-text";
import { cellText, DITTO } from "@/domain/plan-import/html";
import { UserError } from "@/server/errors";

const MAX_ROWS = 20_000;
const MAX_COLUMNS = 60;

const pad = (n: number) => String(n).padStart(2, "0");

/** exceljs gives calendar dates as midnight UTC. */
function formatDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? "" : `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

function formatNumber(value: number, numFmt: string | undefined): string {
  if (numFmt && numFmt.includes("%")) return `${Number((value * 100).toFixed(4))}%`;
  return String(Number(value.toFixed(6)));
}

interface Run {
  text: string;
  bold: boolean;
}

function runsOf(value: ExcelJS.CellValue, numFmt: string | undefined, bold: boolean): Run[] {
  if (value === null || value === undefined) return [];
  if (value instanceof Date) return [{ text: formatDate(value), bold }];
  if (typeof value === "number") return [{ text: formatNumber(value, numFmt), bold }];
  if (typeof value === "string") return [{ text: value, bold }];
  if (typeof value === "boolean") return [{ text: value ? "Có" : "Không", bold }];
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) {
      return value.richText.map((r) => ({ text: r.text ?? "", bold: r.font?.bold ?? bold }));
    }
    if ("formula" in value || "sharedFormula" in value) return runsOf((value as { result?: ExcelJS.CellValue }).result ?? null, numFmt, bold);
    if ("hyperlink" in value) return runsOf((value as { text?: ExcelJS.CellValue }).text ?? null, numFmt, bold);
  }
  return []; // errors (#REF!...) and anything unknown carry no plan text
}

/** A cell as the parser's cell text: line breaks kept as <br>, a wholly bold cell in <b>. */
function cellString(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master.address !== cell.address) {
    // Under the master in its column: the value merged down belongs to this row too.
    return Number(cell.master.col) === Number(cell.col) && Number(cell.master.row) < Number(cell.row) ? DITTO : "";
  }
  const runs = runsOf(cell.value, cell.numFmt, Boolean(cell.font?.bold)).filter((r) => r.text !== "");
  const text = runs
    .map((r) => r.text)
    .join("")
    .replace(/\r\n?/g, "\n")
    .replace(/\n/g, "<br>")
    .replace(/\t/g, " ");
  if (!cellText(text)) return "";
  return runs.every((r) => r.bold || !r.text.trim()) ? `<b>${text}</b>` : text;
}

export interface SheetRows {
  name: string;
  rows: string[][];
}

/**
 * The visible sheets of a workbook as rows of cell texts. Only cells holding something are
 * visited: a sheet formatted down to row 1,048,576 or across to column XFD costs nothing.
 * A run of empty rows becomes one empty row (a break, as a blank line is in pasted text).
 */
export async function readXlsxSheets(bytes: Uint8Array): Promise<SheetRows[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  const sheets: SheetRows[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state === "hidden" || sheet.state === "veryHidden") continue;
    const rows: string[][] = [];
    let last = 0;
    let count = 0;
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      if (++count > MAX_ROWS) {
        throw new UserError(`Trang tính "${sheet.name}" có hơn ${MAX_ROWS.toLocaleString("vi-VN")} dòng; kế hoạch thường chỉ vài trăm dòng.`);
      }
      if (number - last > 1 && rows.length) rows.push([]);
      last = number;
      const cells: string[] = [];
      // Plans have a dozen columns; text far to the right is a note beside the table, not part of it.
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        if (column <= MAX_COLUMNS) cells[column - 1] = cellString(cell);
      });
      const filled = Array.from(cells, (c) => c ?? "");
      while (filled.length && filled[filled.length - 1] === "") filled.pop();
      rows.push(filled);
    });
    sheets.push({ name: sheet.name, rows });
  }
  return sheets;
}

/** Rows for parsePlanGrid: empty rows are dropped and mark the next row as after a break, as blank lines do in text. */
export function sheetsToGridLines(sheets: SheetRows[]): GridLine[] {
  const lines: GridLine[] = [];
  let afterBreak = false;
  for (const sheet of sheets) {
    afterBreak = true;
    for (const cells of sheet.rows) {
      if (cells.every((c) => !cellText(c))) {
        afterBreak = true;
        continue;
      }
      lines.push({ cells, afterBreak });
      afterBreak = false;
    }
  }
  return lines;
}

export async function xlsxToGridLines(bytes: Uint8Array): Promise<GridLine[]> {
  return sheetsToGridLines(await readXlsxSheets(bytes));
}

/**
 * The workbook as the text parsePlanText reads: each sheet is a table whose rows above the
 * header (a title merged across the columns, "Phụ lục ...") are read as the document's body.
 */
export async function xlsxToPlanText(bytes: Uint8Array): Promise<string> {
  const blocks: DocumentBlock[] = (await readXlsxSheets(bytes)).map((sheet) => ({ type: "table", rows: sheet.rows }));
  return blocksToPlanText(blocks);
}

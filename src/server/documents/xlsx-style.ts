// The house style of every workbook the app exports (dashboard, report, reviewer's summary):
// centred title lines, a shaded frozen header, and number formats that keep figures numeric.
import "server-only";
import ExcelJS from "exceljs";
import { todayInVietnam } from "@/domain/format";

/** Percent values are stored as 57.3 (not 0.573), as everywhere in the app: the sign is literal. */
export const PERCENT = '0.0"%"';
export const INTEGER = "#,##0";
/** "#,##0.##" would print a whole number as "12." in Excel: decimals only where there are some. */
export const DECIMAL = "#,##0.0#";
export const DATE = "dd/mm/yyyy";

export function numberFormat(value: number): string {
  return Number.isInteger(value) ? INTEGER : DECIMAL;
}

const THIN = { style: "thin" } as const;
export const CELL_BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/** `issuedOn` (ISO date) for a document on file: the same workbook every time it is downloaded. */
export function newWorkbook(issuedOn?: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "CCHC xã";
  wb.created = issuedOn ? new Date(`${issuedOn}T00:00:00Z`) : new Date();
  wb.modified = wb.created;
  return wb;
}

/** A4 landscape, one page wide: how these tables get printed. */
export function addSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  return wb.addWorksheet(sheetName(name), { pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
}

/** Excel refuses names over 31 characters or with []:*?/\ in them. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, "-").slice(0, 31);
}

/** Title lines merged across the table, the first two bold, then a blank line. */
export function titleRows(ws: ExcelJS.Worksheet, lines: string[], width: number): void {
  lines.forEach((text, i) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, width);
    row.font = { bold: i < 2, size: i === 0 ? 14 : 11 };
    row.alignment = { horizontal: "center" };
  });
  ws.addRow([]);
}

/** The column header: bold, shaded, bordered, and frozen so it stays in view while scrolling. */
export function headerRow(ws: ExcelJS.Worksheet, names: string[]): ExcelJS.Row {
  const row = ws.addRow(names);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  row.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F2" } };
    c.border = CELL_BORDER;
  });
  ws.views = [{ state: "frozen", ySplit: row.number }];
  return row;
}

export function setWidths(ws: ExcelJS.Worksheet, widths: number[]): void {
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** A calendar date (ISO date or timestamp) as an Excel date: the day in Vietnam, at midnight UTC so no viewer shifts it. */
export function excelDate(input: string | null | undefined): Date | null {
  if (!input) return null;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(input) ? input : todayInVietnam(new Date(input));
  return new Date(`${day}T00:00:00Z`);
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

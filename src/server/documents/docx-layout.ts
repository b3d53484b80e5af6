// The Word layout primitives of the report (Decree 30/2020/NĐ-CP): page, fonts, paragraphs and
// tables. Kept apart from report-docx.ts, which says what the report contains.
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type IRunOptions,
} from "docx";
import { tidy, type FigureText } from "./report-content";

/** Millimetres to twips, rounded (docx's own helper floors: A4 would come out 11905 wide, not 11906). */
export const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

export const FONT = "Times New Roman";
/** Font sizes in half-points. Decree 30: body 13–14pt; recipients 11pt; "Nơi nhận" 12pt. */
export const SIZE = { body: 28, header: 26, motto: 26, nation: 24, table: 24, recipients: 22, receivedBy: 24 } as const;

/** A4 with Decree 30 margins: top and bottom 20mm, left 30mm, right 15mm. */
export const PAGE = { width: mm(210), height: mm(297), top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
export const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
export const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: "000000" };
export const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

export type Run = string | (IRunOptions & { text: string });

export function runs(parts: Run | Run[], base: IRunOptions = {}): TextRun[] {
  return (Array.isArray(parts) ? parts : [parts]).map((p) => (typeof p === "string" ? new TextRun({ ...base, text: tidy(p) }) : new TextRun({ ...base, ...p, text: tidy(p.text) })));
}

export interface ParaOptions {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  bold?: boolean;
  italics?: boolean;
  size?: number;
  indent?: boolean;
  before?: number;
  after?: number;
  keepNext?: boolean;
}

/** Spacing in points: Decree 30 asks for at least 6pt between paragraphs. */
export function para(parts: Run | Run[], o: ParaOptions = {}): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    indent: o.indent ? { firstLine: mm(10) } : undefined,
    spacing: { before: (o.before ?? 0) * 20, after: (o.after ?? 6) * 20 },
    keepNext: o.keepNext,
    children: runs(parts, { bold: o.bold, italics: o.italics, size: o.size }),
  });
}

export const centered = (parts: Run | Run[], o: ParaOptions = {}) => para(parts, { after: 0, ...o, align: AlignmentType.CENTER });

/** The short rule under the issuing body and under the title: an empty line with a bottom border, narrowed by indents. */
export function rule(lineWidth: number, boxWidth: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((boxWidth - lineWidth) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: after * 20, line: 120, lineRule: "exact" },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [new TextRun({ text: "", size: 4 })],
  });
}

export function cell(children: Paragraph[], width: number, extra: { columnSpan?: number; align?: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable] } = {}): TableCell {
  return new TableCell({
    children: children.length ? children : [new Paragraph("")],
    width: { size: width, type: WidthType.DXA },
    columnSpan: extra.columnSpan,
    verticalAlign: extra.align ?? VerticalAlignTable.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

export function layoutTable(widths: number[], rows: TableRow[], borders: typeof GRID | typeof NO_BORDERS): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    rows,
  });
}

// ---- Table cells ----------------------------------------------------------------------------

export const th = (text: string, width: number) => cell([centered(text, { bold: true, size: SIZE.table })], width, { align: VerticalAlignTable.CENTER });

export function tableText(parts: Run | Run[], align: ParaOptions["align"] = AlignmentType.LEFT, o: ParaOptions = {}): Paragraph {
  return para(parts, { size: SIZE.table, after: 0, align, ...o });
}

export function figureCell(f: FigureText, width: number): TableCell {
  const lines = f.text ? [tableText(f.text, AlignmentType.CENTER)] : [];
  if (f.detail) lines.push(tableText({ text: `(${f.detail})`, size: SIZE.table - 4 }, AlignmentType.CENTER));
  return cell(lines, width);
}

export function headingRow(code: string, title: string, widths: number[]): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [
      cell([tableText(code, AlignmentType.CENTER, { bold: true })], widths[0]),
      cell([tableText(title, AlignmentType.LEFT, { bold: true })], widths.slice(1).reduce((a, b) => a + b, 0), { columnSpan: widths.length - 1 }),
    ],
  });
}

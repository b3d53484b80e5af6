// The table core: rows of cells in, sections / tasks / indicators out. parsePlanText feeds
// it lines split on tabs; an .xlsx or .docx reader can feed it table rows directly.
//
// Three passes per table: lines are merged into drafts (page-break continuations joined),
// drafts are classified (section, task, indicator, indicator sub-row), then placed in the
// section hierarchy, with indicators derived from task text right after their task.

import { cleanText } from "../text";
import { isSectionCode, parseCode, splitCodePrefix, type RowCode } from "./codes";
import { buildLayout, isHeaderLine, isSubHeaderLine, type TableLayout } from "./columns";
import { BULLET_START, cellLines, cellText, DITTO, isBold, isSameAsAbove } from "./html";
import { TableBuilder } from "./indicator-rows";
import { SEPARATOR, textColumnRole, type Draft } from "./table-core";
import type { ParsedRow } from "./types";
import { baselineWarning, needsBaseline } from "../plans/baseline";

export { rowPath } from "./table-core";

export interface GridLine {
  cells: string[];
  /** The line follows a page break (a blank line or a repeated header). */
  afterBreak: boolean;
}

interface Table {
  layout: TableLayout;
  drafts: Draft[];
  lastLetter: string | null;
  /** The previous line's cells as read, for "nt" and cells merged from above. */
  lastCells: string[];
}

const DASH_MARKER = /^[-–—+•]$/;

function preview(cells: string[]): string {
  const text = cleanText(cells.map(cellText).filter(Boolean).join(" | "));
  return text.length > 80 ? text.slice(0, 77) + "..." : text;
}


/** Joins a wrapped cell: a fragment that starts a new item goes on a new line, else it continues the last one. */
function appendLines(target: string[], fragment: string[]): void {
  if (fragment.length === 0) return;
  if (target.length === 0) {
    target.push(...fragment);
    return;
  }
  const [first, ...rest] = fragment;
  // "- item" and "Tỷ lệ ..." start something new; "sơ xử lý", "TTHC thuộc", "2025" finish a cut line.
  if (/^[-+•–]\s/.test(first) || /^\p{Lu}\p{Ll}/u.test(first)) target.push(first, ...rest);
  else {
    target[target.length - 1] = cleanText(`${target[target.length - 1]} ${first}`);
    target.push(...rest);
  }
}

/** "(1) (2) (3) …" or "1 2 3 …" under a header: the columns' numbers, not a plan row. */
function isColumnNumberLine(texts: string[]): boolean {
  const filled = texts.filter(Boolean);
  if (filled.length < 3) return false;
  return filled.every((t, i) => new RegExp(`^\\(?${i + 1}\\)?$`).test(t));
}

class GridParser {
  readonly rows: ParsedRow[] = [];
  readonly warnings: string[] = [];
  private table: Table | null = null;
  private pendingBreak = false;

  constructor(private readonly year: number | null) {}

  run(lines: GridLine[]): void {
    for (let i = 0; i < lines.length; i++) {
      const given = (lines[i]?.cells ?? []).map((c) => (typeof c === "string" ? c : c == null ? "" : String(c)));
      // A merged mark says nothing on its own: headers and breaks are judged without it.
      const cells = given.map((c) => (c === DITTO ? "" : c));
      const texts = cells.map(cellText);
      if (texts.every((t) => !t || SEPARATOR.test(t))) {
        this.pendingBreak = true;
        continue;
      }
      if (isHeaderLine(cells)) {
        const next = lines[i + 1]?.cells;
        const sub = next && isSubHeaderLine(next) ? next : null;
        if (sub) i++;
        this.openTable(buildLayout(cells, sub));
        continue;
      }
      if (!this.table) {
        if (texts.filter(Boolean).length >= 2) this.warnings.push(`Dòng nằm ngoài bảng, đã bỏ qua: "${preview(cells)}"`);
        continue;
      }
      if (isColumnNumberLine(texts)) continue;
      if (this.isTextBetweenTables(texts)) {
        this.closeTable();
        continue;
      }
      this.addLine(this.table, given, Boolean(lines[i]?.afterBreak) || this.pendingBreak);
      this.pendingBreak = false;
    }
    this.closeTable();
  }

  private openTable(layout: TableLayout): void {
    // The same header again is a page break inside the table, not a new table.
    if (this.table && this.table.layout.signature === layout.signature) {
      this.pendingBreak = true;
      return;
    }
    this.closeTable();
    this.table = { layout, drafts: [], lastLetter: null, lastCells: [] };
    this.pendingBreak = false;
    const kindName = layout.kind === "indicator" ? "chỉ tiêu" : "nhiệm vụ";
    layout.headers.forEach((header, i) => {
      if (layout.roles[i] === "unknown" && header) {
        this.warnings.push(`Bảng ${kindName}: không nhận ra cột "${header}"; nội dung cột này được ghi vào cảnh báo của từng dòng`);
      }
    });
    if (!layout.roles.includes(textColumnRole(layout))) {
      this.warnings.push(`Bảng ${kindName} không có cột nội dung; các dòng của bảng được giữ nguyên văn trong cảnh báo`);
    }
    if (layout.kind === "task" && !layout.roles.includes("deadline")) {
      this.warnings.push("Bảng nhiệm vụ không có cột thời hạn; thời hạn của các nhiệm vụ để trống");
    }
    if (layout.kind === "task" && !layout.roles.some((r) => r === "lead" || r === "units" || r === "implementing")) {
      this.warnings.push("Bảng nhiệm vụ không có cột đơn vị chủ trì; cần giao đơn vị sau khi nhập");
    }
  }

  /** A line with text only in the first cell that is not a code: a heading between tables ("Phụ lục"). */
  private isTextBetweenTables(texts: string[]): boolean {
    const filled = texts.map((t, i) => (t ? i : -1)).filter((i) => i >= 0);
    if (filled.length !== 1 || filled[0] !== 0 || this.table?.layout.roles[0] !== "code") return false;
    return !parseCode(texts[0], this.table.lastLetter) && !splitCodePrefix(texts[0], this.table.lastLetter);
  }

  /** "nt", "như trên" and cells merged from above take the cell above; the code never does. */
  private sameAsAbove(table: Table, given: string[]): { cells: string[]; copied: Set<number> } {
    const copied = new Set<number>();
    const cells = given.map((cell, c) => {
      if (!isSameAsAbove(cell)) return cell;
      if (table.layout.roles[c] === "code") return "";
      copied.add(c);
      return table.lastCells[c] ?? "";
    });
    table.lastCells = cells;
    return { cells, copied };
  }

  private addLine(table: Table, given: string[], afterBreak: boolean): void {
    const { cells, copied } = this.sameAsAbove(table, given);
    const { roles } = table.layout;
    const codeCol = roles.indexOf("code");
    const textCol = roles.indexOf(textColumnRole(table.layout));
    const columns = roles.map((_, c) => cellLines(cells[c]));
    const warnings: string[] = [];
    const extra = cells.slice(roles.length).map(cellText).filter(Boolean);
    if (extra.length) warnings.push(`Dòng có nhiều ô hơn tiêu đề bảng: "${extra.join(" | ")}"`);

    let code: RowCode | null = null;
    let unreadCode: string | null = null;
    const codeText = codeCol >= 0 ? cellText(cells[codeCol]) : "";
    if (codeCol >= 0) columns[codeCol] = [];
    // A lone dash where the number goes marks a sub-row (Sơn Hà's appendix), not an unreadable code.
    const dashMarker = DASH_MARKER.test(codeText);
    if (codeText && !dashMarker) {
      code = parseCode(codeText, table.lastLetter);
      const prefixed = code ? null : splitCodePrefix(codeText, table.lastLetter);
      if (prefixed && textCol >= 0) {
        // "III. CẢI CÁCH THỂ CHẾ" written in the code cell: the title belongs to the text column.
        code = prefixed.code;
        columns[textCol] = [prefixed.rest, ...columns[textCol]];
      } else if (!code) {
        unreadCode = codeText;
        warnings.push(`Không đọc được số thứ tự "${codeText}"`);
      }
    } else if (textCol >= 0 && columns[textCol].length > 0) {
      const prefixed = splitCodePrefix(columns[textCol][0], table.lastLetter);
      const othersEmpty = columns.every((lines, c) => c === textCol || lines.length === 0);
      if (prefixed && isSectionCode(prefixed.code) && othersEmpty && prefixed.rest === prefixed.rest.toLocaleUpperCase("vi")) {
        code = prefixed.code;
        columns[textCol][0] = prefixed.rest;
      }
    }
    if (code?.kind === "letter") table.lastLetter = code.code;

    const raw = cells.map((c) => cleanText(c ?? "")).join(" | ");
    const previous = table.drafts[table.drafts.length - 1];
    const startsWithBullet = textCol >= 0 && BULLET_START.test(columns[textCol][0] ?? "");
    const isSubRow = table.layout.kind === "indicator" && startsWithBullet;
    if (afterBreak && !code && !unreadCode && !dashMarker && previous && !isSubRow) {
      columns.forEach((lines, c) => {
        previous.columns[c] ??= [];
        // A cell merged over the continuation is already the previous row's.
        if (!copied.has(c)) appendLines(previous.columns[c], lines);
      });
      previous.rawLines.push(raw);
      previous.warnings.push(...warnings);
      return;
    }
    const bold = textCol >= 0 && isBold(cells[textCol]);
    table.drafts.push({ code, unreadCode, columns, rawLines: [raw], bold, warnings, dashMarker });
  }

  private closeTable(): void {
    const table = this.table;
    this.table = null;
    this.pendingBreak = false;
    if (!table) return;
    new TableBuilder(table.layout, this.year, this.rows, this.warnings).build(table.drafts);
  }
}

export function parsePlanGrid(lines: GridLine[], opts: { year: number | null }): { rows: ParsedRow[]; warnings: string[] } {
  const parser = new GridParser(opts?.year ?? null);
  parser.run(Array.isArray(lines) ? lines : []);
  // A target judged against an earlier year needs that year's rank or figure: the preview asks.
  for (const row of parser.rows) {
    if (row.type === "indicator" && needsBaseline(row.target.rule) && row.baselineValue == null) row.warnings.push(baselineWarning(row.target.rule, row.target.referenceYear));
  }
  if (!parser.rows.length && !parser.warnings.length) {
    parser.warnings.push('Không tìm thấy bảng nhiệm vụ hoặc chỉ tiêu (cần dòng tiêu đề có cột "STT")');
  }
  return { rows: parser.rows, warnings: parser.warnings };
}

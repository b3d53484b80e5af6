// The table core: rows of cells in, sections / tasks / indicators out. parsePlanText feeds
// it lines split on tabs; an .xlsx or .docx reader can feed it table rows directly.
//
// Three passes per table: lines are merged into drafts (page-break continuations joined),
// drafts are classified (section, task, indicator, indicator sub-row), then placed in the
// section hierarchy, with indicators derived from task text right after their task.

import { cleanText, foldText } from "../text";
import { classifyIndicatorGroup, inferValueKind } from "./classify";
import { isCodeInside, isSectionCode, parseCode, splitCodePrefix, type RowCode } from "./codes";
import { buildLayout, isHeaderLine, isSubHeaderLine, type ColumnRole, type TableLayout } from "./columns";
import { deadlineProblem, parseDeadline } from "./deadline";
import { indicatorsFromTask, type IndicatorDraft } from "./derived";
import { BULLET_START, cellLines, cellText, DITTO, isBold, isSameAsAbove, stripBullet } from "./html";
import { parseTarget } from "./target";
import type { ParsedIndicator, ParsedRow, ParsedSection, ParsedTask } from "./types";
import { normalizeUnitKey, readUnitCell, splitUnits, unitCellNote } from "./units";
import { ratioFromNote } from "./derived";
import { baselineWarning, needsBaseline } from "../plans/baseline";

export interface GridLine {
  cells: string[];
  /** The line follows a page break (a blank line or a repeated header). */
  afterBreak: boolean;
}

interface Draft {
  code: RowCode | null;
  /** Text of a code cell that is not a code; kept so the row is never silently re-read. */
  unreadCode: string | null;
  /** Clean lines per column index. */
  columns: string[][];
  rawLines: string[];
  bold: boolean;
  warnings: string[];
  /** "-" (or "+", "•") alone in the number column: a sub-row of the row above. */
  dashMarker?: boolean;
}

interface Table {
  layout: TableLayout;
  drafts: Draft[];
  lastLetter: string | null;
  /** The previous line's cells as read, for "nt" and cells merged from above. */
  lastCells: string[];
}

interface StackEntry {
  index: number;
  level: number;
  code: string | null;
}

const UNIT_ROLES: ColumnRole[] = ["monitoring", "implementing", "units", "lead", "coordinating"];
const SEPARATOR = /^[-–—=_:|\s]+$/;
const DASH_MARKER = /^[-–—+•]$/;

function preview(cells: string[]): string {
  const text = cleanText(cells.map(cellText).filter(Boolean).join(" | "));
  return text.length > 80 ? text.slice(0, 77) + "..." : text;
}

function textColumnRole(layout: TableLayout): ColumnRole {
  return layout.kind === "indicator" ? "name" : "content";
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

/** A heading that opens the targets part of a mixed table: "A. CHỈ TIÊU", "I. Các chỉ tiêu …". */
function opensIndicatorPart(title: string): boolean {
  return /^(?:phan\s+)?(?:[a-z]{1,4}[.)]\s*|\d+[.)]\s*)?(?:cac |mot so |he thong )?chi tieu\b/.test(foldText(title).trim());
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

/** Turns one table's drafts into rows, appended to the plan's rows. */
class TableBuilder {
  private readonly stack: StackEntry[] = [];
  /** Index of the indicator the next "-" sub-row belongs to. */
  private lastMainIndicator: number | null = null;
  /** In a task table, the depth of the heading that opened a "CHỈ TIÊU" part; its rows are indicators. */
  private indicatorPart: number | null = null;

  constructor(
    private readonly layout: TableLayout,
    private readonly year: number | null,
    private readonly rows: ParsedRow[],
    private readonly warnings: string[],
  ) {}

  private lines(d: Draft, role: ColumnRole): string[] {
    return this.layout.roles.flatMap((r, c) => (r === role ? (d.columns[c] ?? []) : []));
  }

  private text(d: Draft, role: ColumnRole, separator = "\n"): string | null {
    const lines = this.lines(d, role);
    return lines.length ? lines.join(separator) : null;
  }

  private isEmpty(d: Draft, except: ColumnRole[] = []): boolean {
    return this.layout.roles.every((r, c) => except.includes(r) || (d.columns[c] ?? []).length === 0);
  }

  /** Text in columns the parser does not read, kept as warnings so nothing is lost. */
  private leftoverWarnings(d: Draft): string[] {
    const out: string[] = [];
    this.layout.roles.forEach((role, c) => {
      const lines = d.columns[c] ?? [];
      if (!lines.length) return;
      if (role === "unknown" || role === "group") out.push(`Cột "${this.layout.headers[c] || c + 1}": ${lines.join(" ")}`);
      // A "Ghi chú" column is the row's note (kept on the row, shown on the plan page), not a doubt.
      if (this.layout.kind === "task" && (role === "target" || role === "measurementUnit" || role === "monitoring")) {
        out.push(`Cột "${this.layout.headers[c]}": ${lines.join(" ")}`);
      }
      if (this.layout.kind === "indicator" && ["content", "requirement", "expectedResult"].includes(role)) {
        out.push(`Cột "${this.layout.headers[c]}": ${lines.join(" ")}`);
      }
    });
    return out;
  }

  build(drafts: Draft[]): void {
    const textRole = textColumnRole(this.layout);
    for (const d of drafts) {
      const label = d.code?.code ?? d.unreadCode;
      if (this.isEmpty(d)) {
        if (label) this.warnings.push(`Dòng ${label} không có nội dung, đã bỏ qua`);
        continue;
      }
      if (!this.layout.roles.includes(textRole)) {
        this.warnings.push(`Dòng không đọc được (bảng thiếu cột nội dung): "${d.rawLines.join(" / ")}"`);
        continue;
      }
      if (this.layout.kind === "task") this.buildTaskRow(d);
      else this.buildIndicatorRow(d, drafts[drafts.indexOf(d) + 1]);
    }
  }

  // ---- hierarchy -------------------------------------------------------------------------

  private placeSection(code: RowCode | null): { parentIndex: number | null; depth: number } {
    if (code) while (this.stack.length && this.stack[this.stack.length - 1].level >= code.level) this.stack.pop();
    const top = this.stack[this.stack.length - 1];
    const place = { parentIndex: top?.index ?? null, depth: this.stack.length };
    // An uncoded heading nests under the current section and is closed by the next sibling code.
    this.stack.push({ index: this.rows.length, level: code ? code.level : (top?.level ?? 0) + 0.5, code: code?.code ?? null });
    return place;
  }

  private placeItem(code: RowCode | null): { parentIndex: number | null; depth: number } {
    const top = this.stack[this.stack.length - 1];
    // Tân Đức numbers a task like its section ("4.1" inside section "4.1"): it stays inside.
    if (code && !(top && top.code === code.code)) {
      while (this.stack.length && this.stack[this.stack.length - 1].level >= code.level) {
        const candidate = this.stack[this.stack.length - 1];
        if (candidate.code && isCodeInside(code.code, candidate.code)) break;
        this.stack.pop();
      }
    }
    const parent = this.stack[this.stack.length - 1];
    return { parentIndex: parent?.index ?? null, depth: this.stack.length };
  }

  private base(d: Draft, place: { parentIndex: number | null; depth: number }) {
    return {
      code: d.code?.code ?? null,
      parentIndex: place.parentIndex,
      depth: place.depth,
      warnings: [...d.warnings, ...this.leftoverWarnings(d)],
      raw: d.rawLines.join("\n"),
    };
  }

  private pushSection(d: Draft, title: string): void {
    const section: ParsedSection = { type: "section", ...this.base(d, this.placeSection(d.code)), title };
    if (this.indicatorPart !== null && section.depth <= this.indicatorPart) this.indicatorPart = null;
    if (this.layout.kind === "task" && this.indicatorPart === null && opensIndicatorPart(title)) this.indicatorPart = section.depth;
    this.rows.push(section);
    this.lastMainIndicator = null;
  }

  // ---- tasks -----------------------------------------------------------------------------

  private buildTaskRow(d: Draft): void {
    const content = this.lines(d, "content");
    const onlyContent = content.length > 0 && this.isEmpty(d, ["content", "code"]);
    if (isSectionCode(d.code) || (onlyContent && (d.code || d.bold))) {
      const section = this.pushSectionAndReturn(d, content.join(" "));
      if (!onlyContent) section.warnings.push("Dòng mục có thêm dữ liệu ở cột khác; đã giữ nguyên văn trong dữ liệu gốc");
      return;
    }
    const place = this.placeItem(d.code);
    const deadline = parseDeadline(this.text(d, "deadline") ?? "", this.year);
    const units = this.taskUnits(d);
    const task: ParsedTask = {
      type: "task",
      ...this.base(d, place),
      content: content.join("\n"),
      requirement: this.text(d, "requirement"),
      expectedResult: this.text(d, "expectedResult"),
      deadline,
      ...units,
    };
    if (!task.content) task.warnings.push("Dòng không có nội dung nhiệm vụ");
    const problem = deadlineProblem(deadline);
    if (problem) task.warnings.push(problem);
    if (task.leadUnits.length === 0 && (task.leadUnitText || task.coordinatingText)) {
      task.warnings.push("Không xác định được đơn vị chủ trì; cần chọn lại");
    }
    if (this.indicatorPart !== null) {
      this.rows.push(this.taskAsIndicator(d, task));
      return;
    }
    const taskIndex = this.rows.length;
    this.rows.push(task);
    for (const draft of indicatorsFromTask(task)) this.rows.push(this.derivedIndicator(draft, task, taskIndex));
  }

  private pushSectionAndReturn(d: Draft, title: string): ParsedSection {
    this.pushSection(d, title);
    return this.rows[this.rows.length - 1] as ParsedSection;
  }

  private taskUnits(d: Draft): Pick<ParsedTask, "leadUnits" | "coordinatingUnits" | "leadUnitText" | "coordinatingText" | "note"> {
    const leadCell = this.text(d, "lead");
    const coordinatingCell = this.text(d, "coordinating");
    const sharedCell = this.text(d, "units") ?? this.text(d, "implementing");
    const lead: string[] = [];
    const coordinating: string[] = [];
    const leadRead = readUnitCell(leadCell);
    // "A tham mưu …, B thực hiện": after a unit the cell names as lead, units without a role take part.
    let leadSeen = false;
    for (const m of leadRead.mentions) {
      (m.role === "coordinating" || (leadSeen && m.role === null) ? coordinating : lead).push(m.name);
      if (m.role === "lead") leadSeen = true;
    }
    // The lead column names the lead even when it writes "A và B phối hợp xử lý": A leads.
    if (lead.length === 0 && coordinating.length > 0) lead.push(coordinating.shift()!);
    const sharedRead = readUnitCell(sharedCell);
    if (sharedCell) {
      const split = splitUnits(sharedCell);
      lead.push(...split.lead);
      coordinating.push(...split.coordinating);
    }
    const coordinatingRead = readUnitCell(coordinatingCell);
    coordinating.push(...coordinatingRead.mentions.map((m) => m.name));
    const leadKeys = new Set(lead.map(normalizeUnitKey));
    return {
      leadUnits: dedupe(lead),
      coordinatingUnits: dedupe(coordinating.filter((n) => !leadKeys.has(normalizeUnitKey(n)))),
      leadUnitText: leadCell ?? sharedCell,
      coordinatingText: coordinatingCell,
      note: unitCellNote([
        [leadCell, leadRead.hasInstructions],
        [sharedCell, sharedRead.hasInstructions],
        [coordinatingCell, coordinatingRead.hasInstructions],
        [this.text(d, "note"), true],
      ]),
    };
  }

  /** The group the nearest heading above names ("III. … chuyển đổi số / dịch vụ công trực tuyến"), else OTHER. */
  private headingGroup(sectionIndex: number | null): ParsedIndicator["group"] {
    for (let i = sectionIndex; i !== null && this.rows[i]; i = this.rows[i].parentIndex) {
      const row = this.rows[i];
      if (row.type !== "section") continue;
      const group = classifyIndicatorGroup(row.title);
      if (group !== "OTHER") return group;
    }
    return "OTHER";
  }

  private derivedIndicator(draft: IndicatorDraft, task: ParsedTask, taskIndex: number): ParsedIndicator {
    const source = task.code && task.code.includes(".") ? task.code : (rowPath(this.rows, taskIndex) ?? "không đánh số");
    // A ratio is in %; a count keeps its noun ("Tối thiểu 01 sáng kiến" is 1 sáng kiến).
    const target = draft.target.unit ? draft.target : { ...draft.target, unit: "%" };
    const group = classifyIndicatorGroup(draft.name);
    const valueKind = target.unit === "%" ? "RATIO" : inferValueKind(draft.name, target, target.unit, group);
    return {
      type: "indicator",
      code: null,
      parentIndex: task.parentIndex,
      depth: task.depth,
      warnings: [`Chỉ tiêu suy ra từ nhiệm vụ ${source}`, ...draft.warnings],
      raw: draft.raw,
      name: draft.name,
      group,
      measurementUnit: target.unit,
      valueKind,
      target,
      monitoringUnits: [...task.leadUnits],
      implementingUnits: [...task.coordinatingUnits],
      monitoringUnitText: task.leadUnitText,
      implementingUnitText: task.coordinatingText,
      numeratorLabel: draft.numeratorLabel,
      denominatorLabel: draft.denominatorLabel,
      parentIndicatorIndex: null,
    };
  }

  /**
   * A row under a "CHỈ TIÊU" heading of a task table is an indicator whatever the columns are
   * called: its text names it, the target comes from a target or result column (else from
   * the text, flagged), the lead unit follows it and its deadline is its own.
   */
  private taskAsIndicator(d: Draft, task: ParsedTask): ParsedIndicator {
    const derived = indicatorsFromTask(task)[0] ?? null;
    const warnings = task.warnings.filter((w) => w !== "Dòng không có nội dung nhiệm vụ");
    let target = [this.text(d, "target", " "), task.expectedResult, task.requirement].map((t) => parseTarget(t ?? "")).find((t) => t.rule !== "NONE") ?? null;
    const stated = /(?:đạt|tối thiểu|ít nhất|trên|từ)\s.*\d.*$/iu.exec(task.content)?.[0];
    const fromName = derived?.target ?? (stated ? parseTarget(stated) : null);
    if (!target && fromName && fromName.rule !== "NONE") {
      target = fromName;
      warnings.push(`Chỉ tiêu phấn đấu đọc từ tên chỉ tiêu (“${fromName.text}”) vì dòng không ghi riêng; cần kiểm tra`);
    }
    if (!target) {
      target = parseTarget("");
      warnings.push("Dòng thuộc phần chỉ tiêu nhưng không ghi chỉ tiêu phấn đấu; cần nhập");
    }
    let group = classifyIndicatorGroup(task.content);
    if (group === "OTHER") group = this.headingGroup(task.parentIndex);
    const unit = target.unit ?? (derived ? "%" : null);
    if (!target.unit && unit && target.value !== null) target = { ...target, unit };
    return {
      type: "indicator",
      code: task.code,
      parentIndex: task.parentIndex,
      depth: task.depth,
      warnings,
      raw: task.raw,
      name: task.content,
      group,
      measurementUnit: unit,
      valueKind: inferValueKind(task.content, target, unit, group),
      target,
      monitoringUnits: task.leadUnits,
      implementingUnits: task.coordinatingUnits,
      monitoringUnitText: task.leadUnitText,
      implementingUnitText: task.coordinatingText,
      numeratorLabel: derived?.numeratorLabel ?? null,
      denominatorLabel: derived?.denominatorLabel ?? null,
      parentIndicatorIndex: null,
      note: task.note,
      deadline: task.deadline.text ? task.deadline : null,
    };
  }

  // ---- indicators ------------------------------------------------------------------------

  private hasUnits(d: Draft): boolean {
    return UNIT_ROLES.some((role) => this.lines(d, role).some((line) => !SEPARATOR.test(line)));
  }

  /** A "-" row: a bullet opening the name, or a dash alone in the number column. */
  private isSubRowDraft(d: Draft): boolean {
    return Boolean(d.dashMarker) || BULLET_START.test(this.lines(d, "name")[0] ?? "");
  }

  /** The main indicator just above has a code of the same level as this row's ("4" before "5"). */
  private followsSiblingIndicator(d: Draft): boolean {
    const previous = this.lastMainIndicator === null ? null : this.rows[this.lastMainIndicator];
    if (!d.code || !previous?.code) return false;
    return parseCode(previous.code, null)?.level === d.code.level;
  }

  private buildIndicatorRow(d: Draft, next: Draft | undefined): void {
    const nameLines = this.lines(d, "name");
    const isSubRow = nameLines.length > 0 && this.isSubRowDraft(d);
    const targetText = this.text(d, "target", " ") ?? "";
    const hasTarget = targetText !== "" && !SEPARATOR.test(targetText);
    const nextIsSubRow = !!next && this.isSubRowDraft(next);
    // A numbered row with "-" sub-rows below, numbered like the indicator before it, is their main
    // indicator even when it states no target (Sơn Hà "5 Số hóa kết quả giải quyết TTHC" after "4").
    const headsSubRows = nextIsSubRow && !isSectionCode(d.code) && this.followsSiblingIndicator(d);
    if (isSectionCode(d.code) || (!isSubRow && !hasTarget && !this.hasUnits(d) && !headsSubRows)) {
      // No target and nobody responsible: a heading ("1 Kết quả các chỉ số ...", "3 Cải cách TTHC").
      this.pushSection(d, nameLines.join(" "));
      // A numbered row with "-" sub-rows below may as well be their main indicator: a guess, said.
      if (d.code && !isSectionCode(d.code) && nextIsSubRow) {
        this.rows[this.rows.length - 1].warnings.push("Dòng không ghi chỉ tiêu phấn đấu nên được đọc là tiêu đề mục; nếu là chỉ tiêu chính của các dòng “-” bên dưới, đổi loại dòng thành chỉ tiêu");
      }
      return;
    }
    const parent = isSubRow ? this.lastMainIndicator : null;
    const warnings: string[] = [];
    let place: { parentIndex: number | null; depth: number };
    if (parent !== null) {
      const parentRow = this.rows[parent];
      place = { parentIndex: parentRow.parentIndex, depth: parentRow.depth + 1 };
      if (d.code) {
        warnings.push(`Mã ${d.code.code} nằm trên dòng con (bắt đầu bằng "-"), có thể bị lệch khi trích xuất; cần kiểm tra lại`);
      }
    } else {
      place = this.placeItem(d.code);
      if (isSubRow) warnings.push('Dòng bắt đầu bằng "-" nhưng không có chỉ tiêu cha phía trên; đã nhập như chỉ tiêu riêng');
    }
    const indicator = this.indicatorFrom(d, place, isSubRow, parent);
    indicator.warnings.push(...warnings);
    if (headsSubRows && !hasTarget && !this.hasUnits(d)) {
      indicator.warnings.push("Dòng không ghi chỉ tiêu phấn đấu; đã đọc là chỉ tiêu chính của các dòng “-” bên dưới (nếu là tiêu đề mục, đổi loại dòng thành mục)");
    }
    this.rows.push(indicator);
    if (parent === null) this.lastMainIndicator = this.rows.length - 1;
  }

  private indicatorFrom(
    d: Draft,
    place: { parentIndex: number | null; depth: number },
    isSubRow: boolean,
    parent: number | null,
  ): ParsedIndicator {
    const rawName = this.lines(d, "name").join(" ");
    const name = cleanText((isSubRow ? stripBullet(rawName) : rawName).replace(/:\s*$/, ""));
    const measured = this.text(d, "measurementUnit", " ");
    const measurementUnit = measured && !SEPARATOR.test(measured) ? measured : null;
    let target = parseTarget(this.text(d, "target", " ") ?? "");
    if (!target.unit && measurementUnit && target.value !== null) target = { ...target, unit: measurementUnit };

    const monitoringCell = [this.text(d, "monitoring"), this.text(d, "lead")].filter(Boolean).join("\n") || null;
    const implementingCell =
      [this.text(d, "implementing"), this.text(d, "units"), this.text(d, "coordinating")].filter(Boolean).join("\n") || null;
    const monitoringRead = readUnitCell(monitoringCell);
    const implementingRead = readUnitCell(implementingCell);
    const monitoring = monitoringRead.mentions.map((m) => m.name);
    const implementing: string[] = [];
    for (const m of implementingRead.mentions) {
      // "VP-TK theo dõi, tổng hợp" in an implementers' cell names the monitoring unit.
      if (m.role === "monitoring" && !this.layout.roles.includes("monitoring")) monitoring.push(m.name);
      else implementing.push(m.name);
    }

    const noteCell = this.text(d, "note");
    const noteRatio = ratioFromNote(noteCell);
    // A sub-row belongs to its main indicator's group whatever its own words suggest.
    const parentGroup = parent !== null ? (this.rows[parent] as ParsedIndicator).group : "OTHER";
    let group = parentGroup !== "OTHER" ? parentGroup : classifyIndicatorGroup(name);
    if (group === "OTHER") group = this.headingGroup(place.parentIndex);
    const indicator: ParsedIndicator = {
      type: "indicator",
      ...this.base(d, place),
      name,
      group,
      measurementUnit: measurementUnit ?? target.unit,
      valueKind: inferValueKind(name, target, measurementUnit, group),
      target,
      monitoringUnits: dedupe(monitoring),
      implementingUnits: dedupe(implementing),
      monitoringUnitText: monitoringCell,
      implementingUnitText: implementingCell,
      numeratorLabel: noteRatio?.numerator ?? null,
      denominatorLabel: noteRatio?.denominator ?? null,
      parentIndicatorIndex: parent,
      deadline: this.indicatorDeadline(d),
      note: unitCellNote([
        [monitoringCell, monitoringRead.hasInstructions],
        [implementingCell, implementingRead.hasInstructions],
        [noteCell, true],
      ]),
    };
    if (!name) indicator.warnings.push("Dòng không có tên chỉ tiêu");
    const problem = indicator.deadline ? deadlineProblem(indicator.deadline) : null;
    if (problem) indicator.warnings.push(problem);
    return indicator;
  }

  /** An indicator's own deadline from a deadline column ("Hoàn thành trong Quý I"). */
  private indicatorDeadline(d: Draft): ParsedIndicator["deadline"] {
    const text = this.text(d, "deadline", " ");
    return text && !SEPARATOR.test(text) ? parseDeadline(text, this.year) : null;
  }
}

function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = normalizeUnitKey(n);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A row's code with its sections' codes, unique within a plan: "A.I.1", "B.II.3.2",
 * "VII.7.3.2" (an ancestor code that the next code repeats, like "7.3" in "7.3.2", is left out).
 * Null for a row without a code.
 */
export function rowPath(rows: ParsedRow[], index: number): string | null {
  const own = rows[index];
  if (!own?.code) return null;
  const codes: string[] = [];
  for (let row: ParsedRow | undefined = own; row; row = row.parentIndex === null ? undefined : rows[row.parentIndex]) {
    if (row.code) codes.unshift(row.code);
  }
  return codes.filter((c, i) => !codes[i + 1] || !(codes[i + 1] === c || isCodeInside(codes[i + 1], c))).join(".");
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

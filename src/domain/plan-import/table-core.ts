// The shared part of turning one table's drafts into rows: the drafts' cells by role, the
// section hierarchy, and what task rows and indicator rows both need. task-rows.ts and
// indicator-rows.ts build on it; grid.ts turns lines into drafts.

import { foldText } from "../text";
import { classifyIndicatorGroup } from "./classify";
import { isCodeInside, type RowCode } from "./codes";
import type { ColumnRole, TableLayout } from "./columns";
import type { ParsedIndicator, ParsedRow, ParsedSection } from "./types";
import { normalizeUnitKey } from "./units";

export interface Draft {
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

interface StackEntry {
  index: number;
  level: number;
  code: string | null;
}

export const UNIT_ROLES: ColumnRole[] = ["monitoring", "implementing", "units", "lead", "coordinating"];
export const SEPARATOR = /^[-–—=_:|\s]+$/;

export function textColumnRole(layout: TableLayout): ColumnRole {
  return layout.kind === "indicator" ? "name" : "content";
}

/** A heading that opens the targets part of a mixed table: "A. CHỈ TIÊU", "I. Các chỉ tiêu …". */
function opensIndicatorPart(title: string): boolean {
  return /^(?:phan\s+)?(?:[a-z]{1,4}[.)]\s*|\d+[.)]\s*)?(?:cac |mot so |he thong )?chi tieu\b/.test(foldText(title).trim());
}

export class TableCore {
  protected readonly stack: StackEntry[] = [];
  /** Index of the indicator the next "-" sub-row belongs to. */
  protected lastMainIndicator: number | null = null;
  /** In a task table, the depth of the heading that opened a "CHỈ TIÊU" part; its rows are indicators. */
  protected indicatorPart: number | null = null;

  constructor(
    protected readonly layout: TableLayout,
    protected readonly year: number | null,
    protected readonly rows: ParsedRow[],
    protected readonly warnings: string[],
  ) {}

  protected lines(d: Draft, role: ColumnRole): string[] {
    return this.layout.roles.flatMap((r, c) => (r === role ? (d.columns[c] ?? []) : []));
  }

  protected text(d: Draft, role: ColumnRole, separator = "\n"): string | null {
    const lines = this.lines(d, role);
    return lines.length ? lines.join(separator) : null;
  }

  protected isEmpty(d: Draft, except: ColumnRole[] = []): boolean {
    return this.layout.roles.every((r, c) => except.includes(r) || (d.columns[c] ?? []).length === 0);
  }

  /** Text in columns the parser does not read, kept as warnings so nothing is lost. */
  protected leftoverWarnings(d: Draft): string[] {
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

  // ---- hierarchy -------------------------------------------------------------------------

  protected placeSection(code: RowCode | null): { parentIndex: number | null; depth: number } {
    if (code) while (this.stack.length && this.stack[this.stack.length - 1].level >= code.level) this.stack.pop();
    const top = this.stack[this.stack.length - 1];
    const place = { parentIndex: top?.index ?? null, depth: this.stack.length };
    // An uncoded heading nests under the current section and is closed by the next sibling code.
    this.stack.push({ index: this.rows.length, level: code ? code.level : (top?.level ?? 0) + 0.5, code: code?.code ?? null });
    return place;
  }

  protected placeItem(code: RowCode | null): { parentIndex: number | null; depth: number } {
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

  protected base(d: Draft, place: { parentIndex: number | null; depth: number }) {
    return {
      code: d.code?.code ?? null,
      parentIndex: place.parentIndex,
      depth: place.depth,
      warnings: [...d.warnings, ...this.leftoverWarnings(d)],
      raw: d.rawLines.join("\n"),
    };
  }

  protected pushSection(d: Draft, title: string): void {
    const section: ParsedSection = { type: "section", ...this.base(d, this.placeSection(d.code)), title };
    if (this.indicatorPart !== null && section.depth <= this.indicatorPart) this.indicatorPart = null;
    if (this.layout.kind === "task" && this.indicatorPart === null && opensIndicatorPart(title)) this.indicatorPart = section.depth;
    this.rows.push(section);
    this.lastMainIndicator = null;
  }

  /** The group the nearest heading above names ("III. … chuyển đổi số / dịch vụ công trực tuyến"), else OTHER. */
  protected headingGroup(sectionIndex: number | null): ParsedIndicator["group"] {
    for (let i = sectionIndex; i !== null && this.rows[i]; i = this.rows[i].parentIndex) {
      const row = this.rows[i];
      if (row.type !== "section") continue;
      const group = classifyIndicatorGroup(row.title);
      if (group !== "OTHER") return group;
    }
    return "OTHER";
  }

  protected hasUnits(d: Draft): boolean {
    return UNIT_ROLES.some((role) => this.lines(d, role).some((line) => !SEPARATOR.test(line)));
  }

}

export function dedupe(names: string[]): string[] {
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

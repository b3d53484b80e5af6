// Indicator rows of a table, "-" sub-rows under their main indicator; and the builder that
// reads one table's drafts into rows (tasks through task-rows.ts).

import { cleanText } from "../text";
import { classifyIndicatorGroup, inferValueKind } from "./classify";
import { isSectionCode, parseCode } from "./codes";
import { deadlineProblem, parseDeadline } from "./deadline";
import { ratioFromNote } from "./derived";
import { BULLET_START, stripBullet } from "./html";
import { parseTarget } from "./target";
import { dedupe, SEPARATOR, textColumnRole, type Draft } from "./table-core";
import { TaskRows } from "./task-rows";
import type { ParsedIndicator } from "./types";
import { readUnitCell, unitCellNote } from "./units";

/** Turns one table's drafts into rows, appended to the plan's rows. */
export class TableBuilder extends TaskRows {
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

  // ---- indicators ------------------------------------------------------------------------

  /** A "-" row: a bullet opening the name, or a dash alone in the number column. */
  protected isSubRowDraft(d: Draft): boolean {
    return Boolean(d.dashMarker) || BULLET_START.test(this.lines(d, "name")[0] ?? "");
  }

  /** The main indicator just above has a code of the same level as this row's ("4" before "5"). */
  protected followsSiblingIndicator(d: Draft): boolean {
    const previous = this.lastMainIndicator === null ? null : this.rows[this.lastMainIndicator];
    if (!d.code || !previous?.code) return false;
    return parseCode(previous.code, null)?.level === d.code.level;
  }

  protected buildIndicatorRow(d: Draft, next: Draft | undefined): void {
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

  protected indicatorFrom(
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
  protected indicatorDeadline(d: Draft): ParsedIndicator["deadline"] {
    const text = this.text(d, "deadline", " ");
    return text && !SEPARATOR.test(text) ? parseDeadline(text, this.year) : null;
  }}

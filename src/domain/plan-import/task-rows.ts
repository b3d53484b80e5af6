// Task rows of a table: units by role, the note, a "CHỈ TIÊU" part's rows read as indicators,
// and the indicators a task's expected result states, right after their task.

import { classifyIndicatorGroup, inferValueKind } from "./classify";
import { isSectionCode } from "./codes";
import { deadlineProblem, parseDeadline } from "./deadline";
import { indicatorsFromTask, type IndicatorDraft } from "./derived";
import { parseTarget } from "./target";
import { dedupe, rowPath, TableCore, type Draft } from "./table-core";
import type { ParsedIndicator, ParsedSection, ParsedTask } from "./types";
import { normalizeUnitKey, readUnitCell, splitUnits, unitCellNote } from "./units";

export class TaskRows extends TableCore {
  // ---- tasks -----------------------------------------------------------------------------

  protected buildTaskRow(d: Draft): void {
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

  protected pushSectionAndReturn(d: Draft, title: string): ParsedSection {
    this.pushSection(d, title);
    return this.rows[this.rows.length - 1] as ParsedSection;
  }

  protected taskUnits(d: Draft): Pick<ParsedTask, "leadUnits" | "coordinatingUnits" | "leadUnitText" | "coordinatingText" | "note"> {
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

  protected derivedIndicator(draft: IndicatorDraft, task: ParsedTask, taskIndex: number): ParsedIndicator {
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
  protected taskAsIndicator(d: Draft, task: ParsedTask): ParsedIndicator {
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

}

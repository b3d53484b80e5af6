// What the plan editing actions share: the rows' tables by kind, the checks that a row
// belongs to the plan being edited, and how a task or indicator form becomes the data stored
// (units by role, deadline and target understood, warnings kept or cleared).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { classifyIndicatorGroup, inferValueKind, parseDeadline, parseTarget } from "@/domain/plan-import";
import { targetProblem } from "@/domain/plan-import/target";
import { deadlineProblem } from "@/domain/plan-import/deadline";
import { quarterLabel } from "@/domain/format";
import { ROW_KIND, type RowKind } from "@/domain/plans/row-kinds";
import { roleLinks, splitUnitList } from "@/domain/plans/unit-roles";
import { NotFoundError, UserError } from "@/server/errors";
import { dueDateListField, id, optionalText, yearField, z } from "@/server/validation";
import { DUE_DATES_MAX, withDueDates } from "@/domain/plan-import/due-dates";
import { baselineWarning, isBaselineWarning, needsBaseline, parseBaseline } from "@/domain/plans/baseline";
import type { editablePlan } from "./access";
import { resolveUnitIds } from "./save-parsed-plan";
import { INDICATOR_GROUPS, LIMITS, multiline, optionalMultiline, VALUE_KINDS } from "./schemas";

export type Tx = Prisma.TransactionClient;
export type Plan = Awaited<ReturnType<typeof editablePlan>>;

export const dateOf = (iso: string | null | undefined) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const optionalId = (label: string) => id(label).optional();
const checkbox = z.literal("on").optional();

/** Each kind's table, for what every kind supports alike. */
export const ROW_STORE: Record<RowKind, {
  find: (tx: Tx, id: string) => Promise<({ id: string; planId: string; code: string | null } & ({ title: string } | { content: string } | { name: string })) | null>;
  setCode: (tx: Tx, id: string, code: string) => Promise<unknown>;
  remove: (tx: Tx, id: string) => Promise<unknown>;
}> = {
  section: {
    find: (tx, id) => tx.planSection.findUnique({ where: { id } }),
    setCode: (tx, id, code) => tx.planSection.update({ where: { id }, data: { code } }),
    remove: (tx, id) => tx.planSection.delete({ where: { id } }),
  },
  task: {
    find: (tx, id) => tx.task.findUnique({ where: { id } }),
    setCode: (tx, id, code) => tx.task.update({ where: { id }, data: { code } }),
    remove: (tx, id) => tx.task.delete({ where: { id } }),
  },
  indicator: {
    find: (tx, id) => tx.indicator.findUnique({ where: { id } }),
    setCode: (tx, id, code) => tx.indicator.update({ where: { id }, data: { code } }),
    remove: (tx, id) => tx.indicator.delete({ where: { id } }),
  },
};

export async function rowOfPlan(tx: Tx, plan: Plan, kind: RowKind, rowId: string) {
  const row = await ROW_STORE[kind].find(tx, rowId);
  if (!row || row.planId !== plan.id) throw new NotFoundError(`Không tìm thấy ${ROW_KIND[kind].name} trong kế hoạch này.`);
  return row;
}

export async function sectionOfPlan(tx: Tx, plan: Plan, sectionId: string | undefined | null) {
  if (!sectionId) return null;
  const section = await tx.planSection.findUnique({ where: { id: sectionId } });
  if (!section || section.planId !== plan.id) throw new NotFoundError("Không tìm thấy mục trong kế hoạch này.");
  return section;
}

/** The quarters in which any of these rows has reported figures, oldest first. */
export async function reportedQuarters(tx: Tx, taskIds: string[], indicatorIds: string[]): Promise<string[]> {
  const periods = [
    ...(taskIds.length ? await tx.taskProgress.findMany({ where: { taskId: { in: taskIds } }, select: { period: { select: { year: true, quarter: true } } } }) : []),
    ...(indicatorIds.length
      ? await tx.indicatorValue.findMany({ where: { indicatorId: { in: indicatorIds } }, select: { period: { select: { year: true, quarter: true } } } })
      : []),
  ].map((r) => r.period);
  const sorted = [...new Map(periods.map((p) => [`${p.year}-${p.quarter}`, p])).values()].sort((a, b) => a.year - b.year || a.quarter - b.quarter);
  return sorted.map((p) => quarterLabel(p.quarter, p.year));
}

const unitsField = (label: string) =>
  optionalText(label, LIMITS.unitCell).refine((s) => splitUnitList(s).length <= LIMITS.unitsPerCell, `${label}: tối đa ${LIMITS.unitsPerCell} đơn vị.`);

// ---- tasks -----------------------------------------------------------------------------------

const taskFields = {
  planId: id("Kế hoạch"),
  code: optionalText("Số thứ tự", LIMITS.code),
  content: multiline("Nội dung nhiệm vụ", LIMITS.content),
  requirement: optionalMultiline("Yêu cầu", LIMITS.content),
  expectedResult: optionalMultiline("Kết quả, sản phẩm", LIMITS.content),
  deadlineText: optionalText("Thời hạn", LIMITS.deadline),
  /** The clerk's own due dates (a recurring task's occurrences); blank: as the deadline text says. */
  dueDates: dueDateListField("Các hạn hoàn thành", DUE_DATES_MAX),
  /** "A; B": the first leads, the others lead with it (co-leads), as the document says. */
  leadUnit: unitsField("Đơn vị chủ trì"),
  coordinatingUnits: unitsField("Đơn vị phối hợp"),
  note: optionalMultiline("Ghi chú", LIMITS.content),
  clearWarnings: checkbox,
};
export const addTaskSchema = z.object({ ...taskFields, sectionId: optionalId("Mục") });
export const updateTaskSchema = z.object({ ...taskFields, id: id("Nhiệm vụ") });
type TaskInput = z.output<typeof addTaskSchema> | z.output<typeof updateTaskSchema>;

export async function taskData(tx: Tx, plan: Plan, input: TaskInput, oldWarnings: string[]) {
  const deadline = withDueDates(parseDeadline(input.deadlineText ?? "", plan.year), input.dueDates);
  const leads = splitUnitList(input.leadUnit);
  const coordinating = splitUnitList(input.coordinatingUnits);
  const units = await resolveUnitIds(tx, plan.communeId, [...leads, ...coordinating]);
  const { headId, links } = roleLinks(leads, coordinating, (n) => units.byName.get(n) ?? null);
  const warnings = input.clearWarnings ? [] : [...oldWarnings];
  const problem = deadlineProblem(deadline);
  if (problem && !warnings.includes(problem)) warnings.push(problem);
  return {
    data: {
      code: input.code,
      content: input.content,
      requirement: input.requirement,
      expectedResult: input.expectedResult,
      deadlineText: deadline.text || null,
      deadlineKind: deadline.kind,
      dueDate: dateOf(deadline.dueDate),
      periodStart: dateOf(deadline.periodStart),
      periodEnd: dateOf(deadline.periodEnd),
      occurrenceDates: (deadline.occurrences ?? []).map((d) => new Date(`${d}T00:00:00Z`)),
      leadUnitId: headId,
      leadUnitText: input.leadUnit,
      coordinatingText: input.coordinatingUnits,
      note: input.note,
      importWarnings: warnings,
    },
    links: links.map((l) => ({ unitId: l.unitId, isLead: l.head })),
    createdUnits: units.created.map((u) => u.name),
  };
}

// ---- indicators ------------------------------------------------------------------------------

const indicatorFields = {
  planId: id("Kế hoạch"),
  code: optionalText("Số thứ tự", LIMITS.code),
  name: multiline("Tên chỉ tiêu", LIMITS.name),
  group: z.enum(INDICATOR_GROUPS, { error: "Nhóm chỉ tiêu không hợp lệ." }).optional(),
  valueKind: z.enum(VALUE_KINDS, { error: "Cách nhập số liệu không hợp lệ." }).optional(),
  measurementUnit: optionalText("Đơn vị tính", LIMITS.measurementUnit),
  targetText: optionalText("Chỉ tiêu phấn đấu", LIMITS.target),
  /** "A; B": the first follows the indicator, the others follow it too. */
  monitoringUnit: unitsField("Đơn vị theo dõi"),
  implementingUnits: unitsField("Đơn vị thực hiện"),
  numeratorLabel: optionalText("Tử số", LIMITS.target),
  denominatorLabel: optionalText("Mẫu số", LIMITS.target),
  note: optionalMultiline("Ghi chú", LIMITS.content),
  deadlineText: optionalText("Thời hạn của chỉ tiêu", LIMITS.deadline),
  /** Last year's (or the named year's) rank or figure, for targets judged against it. */
  // Absent (a form without the field) keeps the stored value: the report page may have set it.
  baselineValue: z
    .string({ error: "Số liệu năm so sánh không hợp lệ." })
    .max(30, "Số liệu năm so sánh không hợp lệ.")
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      const value = parseBaseline(s);
      if (value !== "invalid") return value;
      ctx.addIssue({ code: "custom", message: "Số liệu năm so sánh phải là một số (ví dụ 14 hoặc 85,5)." });
      return z.NEVER;
    }),
  referenceYear: z
    .string({ error: "Năm so sánh không hợp lệ." })
    .nullish()
    .transform((s) => (s === undefined ? undefined : s?.trim() ? Number(s.trim()) : null))
    // The JSON variant is z.number (the text was turned into a number just above).
    .pipe((yearField("Năm so sánh", "json") as z.ZodNumber).nullish()),
  clearWarnings: checkbox,
};
export const addIndicatorSchema = z.object({ ...indicatorFields, sectionId: optionalId("Mục"), parentIndicatorId: optionalId("Chỉ tiêu cha") });
export const updateIndicatorSchema = z.object({ ...indicatorFields, id: id("Chỉ tiêu") });
type IndicatorInput = z.output<typeof addIndicatorSchema> | z.output<typeof updateIndicatorSchema>;

export async function indicatorData(tx: Tx, plan: Plan, input: IndicatorInput, oldWarnings: string[], stored: { baselineValue: number | null; referenceYear: number | null } = { baselineValue: null, referenceYear: null }) {
  let target = parseTarget(input.targetText ?? "");
  const problem = targetProblem(target);
  if (problem) throw new UserError(problem, { targetText: problem });
  const measurementUnit = input.measurementUnit ?? target.unit;
  if (!target.unit && measurementUnit && target.value !== null) target = { ...target, unit: measurementUnit };
  const group = input.group ?? classifyIndicatorGroup(input.name);
  const valueKind = input.valueKind ?? inferValueKind(input.name, target, measurementUnit, group);
  const monitoring = splitUnitList(input.monitoringUnit);
  const implementing = splitUnitList(input.implementingUnits);
  const units = await resolveUnitIds(tx, plan.communeId, [...monitoring, ...implementing]);
  const { headId, links } = roleLinks(monitoring, implementing, (n) => units.byName.get(n) ?? null);
  const deadline = input.deadlineText ? parseDeadline(input.deadlineText, plan.year) : null;
  const referenceYear = input.referenceYear === undefined ? (target.referenceYear ?? stored.referenceYear) : (input.referenceYear ?? target.referenceYear);
  const baselineValue = input.baselineValue === undefined ? stored.baselineValue : input.baselineValue;
  // The "cần nhập" warning about the earlier year's value goes once it is given, and comes while it is missing.
  const warnings = (input.clearWarnings ? [] : oldWarnings).filter((w) => !isBaselineWarning(w));
  if (needsBaseline(target.rule) && baselineValue === null) warnings.push(baselineWarning(target.rule, referenceYear));
  return {
    data: {
      code: input.code,
      name: input.name,
      deadlineText: deadline?.text || null,
      dueDate: dateOf(deadline ? (deadline.dueDate ?? deadline.periodEnd ?? deadline.occurrences?.at(-1) ?? null) : null),
      baselineValue,
      referenceYear,
      group,
      valueKind,
      measurementUnit,
      targetText: target.text || null,
      targetRule: target.rule,
      targetValue: target.value,
      numeratorLabel: input.numeratorLabel,
      denominatorLabel: input.denominatorLabel,
      monitoringUnitId: headId,
      monitoringUnitText: input.monitoringUnit,
      implementingUnitText: input.implementingUnits,
      note: input.note,
      importWarnings: warnings,
    },
    links: links.map((l) => ({ unitId: l.unitId, isMonitoring: l.head })),
    createdUnits: units.created.map((u) => u.name),
  };
}

/** A task's unit links replaced by the form's (co-leads flagged). */
export async function replaceTaskLinks(tx: Tx, taskId: string, links: { unitId: string; isLead: boolean }[], existing = true): Promise<void> {
  if (existing) await tx.taskCoordinatingUnit.deleteMany({ where: { taskId } });
  if (links.length) await tx.taskCoordinatingUnit.createMany({ data: links.map((l) => ({ ...l, taskId })) });
}

/** An indicator's unit links replaced by the form's (further monitoring units flagged). */
export async function replaceIndicatorLinks(tx: Tx, indicatorId: string, links: { unitId: string; isMonitoring: boolean }[], existing = true): Promise<void> {
  if (existing) await tx.indicatorImplementingUnit.deleteMany({ where: { indicatorId } });
  if (links.length) await tx.indicatorImplementingUnit.createMany({ data: links.map((l) => ({ ...l, indicatorId })) });
}

/** Deadlines written without a year ("Quý II") follow the plan's new year; returns how many were re-read. */
export async function redateTasks(tx: Tx, planId: string, year: number): Promise<number> {
  const tasks = await tx.task.findMany({ where: { planId, deadlineText: { not: null } }, select: { id: true, deadlineText: true } });
  for (const task of tasks) {
    const d = parseDeadline(task.deadlineText ?? "", year);
    await tx.task.update({
      where: { id: task.id },
      data: {
        deadlineKind: d.kind,
        dueDate: dateOf(d.dueDate),
        periodStart: dateOf(d.periodStart),
        periodEnd: dateOf(d.periodEnd),
        occurrenceDates: (d.occurrences ?? []).map((o) => new Date(`${o}T00:00:00Z`)),
      },
    });
  }
  return tasks.length;
}

/** A plan imported by mistake may be deleted only while it is a draft never sent up and without reported figures. */
export async function deletablePlanCounts(tx: Tx, plan: Plan) {
  if (plan.status !== "DRAFT" || (await tx.reviewDecision.count({ where: { planId: plan.id } })) > 0) {
    throw new UserError("Kế hoạch đã từng nộp lên cấp trên nên không thể xóa: lịch sử xét duyệt phải được giữ lại.");
  }
  const [tasks, indicators, sections] = await Promise.all([
    tx.task.findMany({ where: { planId: plan.id }, select: { id: true } }),
    tx.indicator.findMany({ where: { planId: plan.id }, select: { id: true } }),
    tx.planSection.count({ where: { planId: plan.id } }),
  ]);
  const quarters = await reportedQuarters(tx, tasks.map((t) => t.id), indicators.map((i) => i.id));
  if (quarters.length) {
    throw new UserError(`Không thể xóa kế hoạch: đã có số liệu báo cáo (${quarters.join(", ")}). Số liệu đã báo cáo phải được giữ lại.`);
  }
  return { sections, tasks: tasks.length, indicators: indicators.length };
}

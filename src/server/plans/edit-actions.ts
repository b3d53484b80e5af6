"use server";

// Writing a plan by hand, or correcting an imported one, while it is a draft or has been
// returned: plan details, and sections, tasks and indicators added, edited, moved,
// renumbered and deleted. Each save is one transaction that locks the plan, checks the
// user's commune and the plan's state, writes, bumps the plan's version and is audited.
// Rows that already have reported figures are never deleted: the figures must stay.
import { redirect } from "next/navigation";
import { write } from "@/server/db/write";
import type { Prisma } from "@/generated/prisma/client";
import { classifyIndicatorGroup, inferValueKind, parseDeadline, parseTarget } from "@/domain/plan-import";
import { targetProblem } from "@/domain/plan-import/target";
import { deadlineProblem } from "@/domain/plan-import/deadline";
import { quarterLabel } from "@/domain/format";
import type { Actor } from "@/server/auth/actor";
import { runAction } from "@/server/action";
import { audit } from "@/server/audit";
import { NotFoundError, UserError, type ActionResult } from "@/server/errors";
import { revalidate } from "@/server/revalidate";
import { formDataToObject, id, isoDateField, optionalText, text, z } from "@/server/validation";
import { editablePlan } from "./access";
import { ownCommuneOf } from "@/server/auth/guard";
import { END_POSITION, loadOutline, moveAmongSiblings, numberingCode, NUMBERING_STYLES, childrenOf, subtreeOf, writeDocumentOrder, type RowKind } from "./outline";
import { resolveUnitIds } from "./save-parsed-plan";
import { INDICATOR_GROUPS, LIMITS, multiline, optionalMultiline, PLAN_KINDS, planYear, VALUE_KINDS } from "./schemas";

type Tx = Prisma.TransactionClient;
type Plan = Awaited<ReturnType<typeof editablePlan>>;

const ROW_KINDS = ["section", "task", "indicator"] as const;
const KIND_NAME: Record<RowKind, string> = { section: "mục", task: "nhiệm vụ", indicator: "chỉ tiêu" };
const ENTITY: Record<RowKind, string> = { section: "PlanSection", task: "Task", indicator: "Indicator" };

const dateOf = (iso: string | null | undefined) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const optionalId = (label: string) => id(label).optional();
const checkbox = z.literal("on").optional();

/** Runs `change` in one transaction on a plan the actor may edit; bumps its version. */
async function onEditablePlan<T>(actor: Actor, planId: string, change: (tx: Tx, plan: Plan) => Promise<T>): Promise<T> {
  const result = await write(async (tx) => {
    const plan = await editablePlan(tx, actor, planId);
    const out = await change(tx, plan);
    await tx.plan.update({ where: { id: plan.id }, data: { version: { increment: 1 } } });
    return out;
  });
  revalidate(`/ke-hoach/${planId}`);
  revalidate(`/ke-hoach/${planId}/sua`);
  revalidate("/ke-hoach");
  return result;
}

/** "A; B" or one per line -> names. */
function unitNames(cell: string | null | undefined): string[] {
  return (cell ?? "")
    .split(/[;\n]/)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

const unitsField = (label: string) =>
  optionalText(label, LIMITS.unitCell).refine((s) => unitNames(s).length <= LIMITS.unitsPerCell, `${label}: tối đa ${LIMITS.unitsPerCell} đơn vị.`);

async function reportedQuarters(tx: Tx, taskIds: string[], indicatorIds: string[]): Promise<string[]> {
  const periods = [
    ...(taskIds.length ? await tx.taskProgress.findMany({ where: { taskId: { in: taskIds } }, select: { period: { select: { year: true, quarter: true } } } }) : []),
    ...(indicatorIds.length
      ? await tx.indicatorValue.findMany({ where: { indicatorId: { in: indicatorIds } }, select: { period: { select: { year: true, quarter: true } } } })
      : []),
  ].map((r) => r.period);
  const sorted = [...new Map(periods.map((p) => [`${p.year}-${p.quarter}`, p])).values()].sort((a, b) => a.year - b.year || a.quarter - b.quarter);
  return sorted.map((p) => quarterLabel(p.quarter, p.year));
}

function shortLabel(textValue: string): string {
  const oneLine = textValue.replace(/\s+/g, " ").trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}

// ---- plans ---------------------------------------------------------------------------------

const planFields = {
  title: text("Tên kế hoạch", LIMITS.title),
  kind: z.enum(PLAN_KINDS, { error: "Loại kế hoạch không hợp lệ." }),
  year: planYear,
  documentNumber: optionalText("Số văn bản", LIMITS.documentNumber),
  documentDate: isoDateField("Ngày ban hành").optional(),
};
const createPlanSchema = z.object(planFields);
const updatePlanSchema = z.object({ planId: id("Kế hoạch"), ...planFields });

/** An empty plan written by hand: a draft of the user's commune. */
export async function createPlan(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("plan.write", createPlanSchema, formDataToObject(formData), async (actor, input) => {
    const communeId = ownCommuneOf(actor, "plan.write");
    const plan = await write(async (tx) => {
      const created = await tx.plan.create({
        data: {
          communeId,
          title: input.title,
          kind: input.kind,
          year: input.year,
          documentNumber: input.documentNumber,
          documentDate: dateOf(input.documentDate),
        },
      });
      await audit(tx, { userId: actor.id, communeId, entity: "Plan", entityId: created.id, action: "create", after: input });
      return created;
    });
    revalidate("/ke-hoach");
    return { id: plan.id };
  }, "Đã tạo kế hoạch.");
}

/** The form version: opens the new plan's editing page. */
export async function createPlanAndEdit(state: ActionResult<unknown> | null, formData: FormData) {
  const result = await createPlan(state, formData);
  if (result.ok) redirect(`/ke-hoach/${result.data.id}/sua`);
  return result;
}

export async function updatePlan(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("plan.write", updatePlanSchema, formDataToObject(formData), async (actor, input) => {
    return onEditablePlan(actor, input.planId, async (tx, plan) => {
      const data = {
        title: input.title,
        kind: input.kind,
        year: input.year,
        documentNumber: input.documentNumber,
        documentDate: dateOf(input.documentDate),
        // A real date replaces the date as written ("ngày    /02/2024").
        documentDateText: input.documentDate ? null : plan.documentDateText,
      };
      await tx.plan.update({ where: { id: plan.id }, data });
      // Deadlines written without a year ("Quý II") follow the plan's year.
      let deadlinesUpdated = 0;
      if (input.year !== plan.year) {
        const tasks = await tx.task.findMany({ where: { planId: plan.id, deadlineText: { not: null } } });
        for (const task of tasks) {
          const d = parseDeadline(task.deadlineText ?? "", input.year);
          await tx.task.update({
            where: { id: task.id },
            data: { deadlineKind: d.kind, dueDate: dateOf(d.dueDate), periodStart: dateOf(d.periodStart), periodEnd: dateOf(d.periodEnd) },
          });
          deadlinesUpdated++;
        }
      }
      const before = { title: plan.title, kind: plan.kind, year: plan.year, documentNumber: plan.documentNumber, documentDate: plan.documentDate, documentDateText: plan.documentDateText };
      await audit(tx, { userId: actor.id, communeId: plan.communeId, entity: "Plan", entityId: plan.id, action: "update", before, after: { ...data, deadlinesUpdated } });
      return { id: plan.id };
    });
  }, "Đã lưu thông tin kế hoạch.");
}

const deletePlanSchema = z.object({ planId: id("Kế hoạch") });

/** A plan imported by mistake: only a draft never sent up, without reported figures. */
export async function deletePlan(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("plan.write", deletePlanSchema, formDataToObject(formData), async (actor, input) => {
    await write(async (tx) => {
      const plan = await editablePlan(tx, actor, input.planId);
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
      await tx.plan.delete({ where: { id: plan.id } });
      await audit(tx, {
        userId: actor.id,
        communeId: plan.communeId,
        entity: "Plan",
        entityId: plan.id,
        action: "delete",
        before: { title: plan.title, year: plan.year, kind: plan.kind, sections, tasks: tasks.length, indicators: indicators.length, sourceName: plan.sourceName },
      });
    });
    revalidate("/ke-hoach");
    return { id: input.planId };
  }, "Đã xóa kế hoạch.");
}

export async function deletePlanAndList(state: ActionResult<unknown> | null, formData: FormData) {
  const result = await deletePlan(state, formData);
  if (result.ok) redirect("/ke-hoach");
  return result;
}

// ---- rows: shared checks ------------------------------------------------------------------

async function sectionOfPlan(tx: Tx, plan: Plan, sectionId: string | undefined | null) {
  if (!sectionId) return null;
  const section = await tx.planSection.findUnique({ where: { id: sectionId } });
  if (!section || section.planId !== plan.id) throw new NotFoundError("Không tìm thấy mục trong kế hoạch này.");
  return section;
}

async function rowOfPlan(tx: Tx, plan: Plan, kind: RowKind, rowId: string) {
  const row =
    kind === "section"
      ? await tx.planSection.findUnique({ where: { id: rowId } })
      : kind === "task"
        ? await tx.task.findUnique({ where: { id: rowId } })
        : await tx.indicator.findUnique({ where: { id: rowId } });
  if (!row || row.planId !== plan.id) throw new NotFoundError(`Không tìm thấy ${KIND_NAME[kind]} trong kế hoạch này.`);
  return row;
}

/** Positions are rewritten so the new row sits after everything already in its section. */
async function placeAtEnd(tx: Tx, planId: string): Promise<void> {
  await writeDocumentOrder(tx, await loadOutline(tx, planId));
}

// ---- sections ------------------------------------------------------------------------------

const sectionFields = {
  planId: id("Kế hoạch"),
  code: optionalText("Số thứ tự", LIMITS.code),
  title: multiline("Tên mục", LIMITS.sectionTitle),
};
const addSectionSchema = z.object({ ...sectionFields, parentId: optionalId("Mục cha") });
const updateSectionSchema = z.object({ ...sectionFields, id: id("Mục") });

export async function addSection(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("plan.write", addSectionSchema, formDataToObject(formData), async (actor, input) =>
    onEditablePlan(actor, input.planId, async (tx, plan) => {
      const parent = await sectionOfPlan(tx, plan, input.parentId);
      const created = await tx.planSection.create({
        data: { planId: plan.id, parentId: parent?.id ?? null, code: input.code, title: input.title, depth: parent ? parent.depth + 1 : 0, position: END_POSITION },
      });
      await placeAtEnd(tx, plan.id);
      await audit(tx, { userId: actor.id, communeId: plan.communeId, entity: "PlanSection", entityId: created.id, action: "create", after: { ...input } });
      return { id: created.id };
    }),
  "Đã thêm mục.");
}

export async function updateSection(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("plan.write", updateSectionSchema, formDataToObject(formData), async (actor, input) =>
    onEditablePlan(actor, input.planId, async (tx, plan) => {
      const before = await rowOfPlan(tx, plan, "section", input.id);
      const after = await tx.planSection.update({ where: { id: input.id }, data: { code: input.code, title: input.title } });
      await audit(tx, { userId: actor.id, communeId: plan.communeId, entity: "PlanSection", entityId: input.id, action: "update", before, after });
      return { id: input.id };
    }),
  "Đã lưu mục.");
}

// ---- tasks ---------------------------------------------------------------------------------

const taskFields = {
  planId: id("Kế hoạch"),
  code: optionalText("Số thứ tự", LIMITS.code),
  content: multiline("Nội dung nhiệm vụ", LIMITS.content),
  requirement: optionalMultiline("Yêu cầu", LIMITS.content),
  expectedResult: optionalMultiline("Kết quả, sản phẩm", LIMITS.content),
  deadlineText: optionalText("Thời hạn", LIMITS.deadline),
  leadUnit: optionalText("Đơn vị chủ trì", LIMITS.unitName),
  coordinatingUnits: unitsField("Đơn vị phối hợp"),
  clearWarnings: checkbox,
};
const addTaskSchema = z.object({ ...taskFields, sectionId: optionalId("Mục") });
const updateTaskSchema = z.object({ ...taskFields, id: id("Nhiệm vụ") });

async function taskData(tx: Tx, plan: Plan, input: z.output<typeof addTaskSchema> | z.output<typeof updateTaskSchema>, oldWarnings: string[]) {
  const deadline = parseDeadline(input.deadlineText ?? "", plan.year);
  const coordinating = unitNames(input.coordinatingUnits);
  const units = await resolveUnitIds(tx, plan.communeId, [...(input.leadUnit ? [input.leadUnit] : []), ...coordinating]);
  const leadUnitId = input.leadUnit ? (units.byName.get(input.leadUnit) ?? null) : null;
  const coordinatingIds = [...new Set(coordinating.map((n) => units.byName.get(n)).filter((v): v is string => !!v && v !== leadUnitId))];
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
      leadUnitId,
      leadUnitText: input.leadUnit,
      coordinatingText: input.coordinatingUnits,
      importWarnings: warnings,
    },
    coordinatingIds,
    createdUnits: units.created.map((u) => u.name),
  };
}

export async function addTask(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("plan.write", addTaskSchema, formDataToObject(formData), async (actor, input) =>
    onEditablePlan(actor, input.planId, async (tx, plan) => {
      const section = await sectionOfPlan(tx, plan, input.sectionId);
      const { data, coordinatingIds, createdUnits } = await taskData(tx, plan, input, []);
      const created = await tx.task.create({ data: { ...data, planId: plan.id, sectionId: section?.id ?? null, position: END_POSITION } });
      if (coordinatingIds.length) await tx.taskCoordinatingUnit.createMany({ data: coordinatingIds.map((unitId) => ({ taskId: created.id, unitId })) });
      await placeAtEnd(tx, plan.id);
      await audit(tx, { userId: actor.id, communeId: plan.communeId, entity: "Task", entityId: created.id, action: "create", after: { ...created, coordinatingIds, createdUnits } });
      return { id: created.id };
    }),
  "Đã thêm nhiệm vụ.");
}

export async function updateTask(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("plan.write", updateTaskSchema, formDataToObject(formData), async (actor, input) =>
    onEditablePlan(actor, input.planId, async (tx, plan) => {
      const before = await tx.task.findUnique({ where: { id: input.id }, include: { coordinatingUnits: true } });
      if (!before || before.planId !== plan.id) throw new NotFoundError("Không tìm thấy nhiệm vụ trong kế hoạch này.");
      const { data, coordinatingIds, createdUnits } = await taskData(tx, plan, input, before.importWarnings);
      const after = await tx.task.update({ where: { id: input.id }, data });
      await tx.taskCoordinatingUnit.deleteMany({ where: { taskId: input.id } });
      if (coordinatingIds.length) await tx.taskCoordinatingUnit.createMany({ data: coordinatingIds.map((unitId) => ({ taskId: input.id, unitId })) });
      await audit(tx, {
        userId: actor.id,
        communeId: plan.communeId,
        entity: "Task",
        entityId: input.id,
        action: "update",
        before: { ...before, coordinatingUnits: before.coordinatingUnits.map((c) => c.unitId) },
        after: { ...after, coordinatingIds, createdUnits },
      });
      return { id: input.id };
    }),
  "Đã lưu nhiệm vụ.");
}

// ---- indicators ----------------------------------------------------------------------------

const indicatorFields = {
  planId: id("Kế hoạch"),
  code: optionalText("Số thứ tự", LIMITS.code),
  name: multiline("Tên chỉ tiêu", LIMITS.name),
  group: z.enum(INDICATOR_GROUPS, { error: "Nhóm chỉ tiêu không hợp lệ." }).optional(),
  valueKind: z.enum(VALUE_KINDS, { error: "Cách nhập số liệu không hợp lệ." }).optional(),
  measurementUnit: optionalText("Đơn vị tính", LIMITS.measurementUnit),
  targetText: optionalText("Chỉ tiêu phấn đấu", LIMITS.target),
  monitoringUnit: optionalText("Đơn vị theo dõi", LIMITS.unitName),
  implementingUnits: unitsField("Đơn vị thực hiện"),
  numeratorLabel: optionalText("Tử số", LIMITS.target),
  denominatorLabel: optionalText("Mẫu số", LIMITS.target),
  clearWarnings: checkbox,
};
const addIndicatorSchema = z.object({ ...indicatorFields, sectionId: optionalId("Mục"), parentIndicatorId: optionalId("Chỉ tiêu cha") });
const updateIndicatorSchema = z.object({ ...indicatorFields, id: id("Chỉ tiêu") });

async function indicatorData(tx: Tx, plan: Plan, input: z.output<typeof addIndicatorSchema> | z.output<typeof updateIndicatorSchema>, oldWarnings: string[]) {
  let target = parseTarget(input.targetText ?? "");
  const problem = targetProblem(target);
  if (problem) throw new UserError(problem, { targetText: problem });
  const measurementUnit = input.measurementUnit ?? target.unit;
  if (!target.unit && measurementUnit && target.value !== null) target = { ...target, unit: measurementUnit };
  const group = input.group ?? classifyIndicatorGroup(input.name);
  const valueKind = input.valueKind ?? inferValueKind(input.name, target, measurementUnit, group);
  const implementing = unitNames(input.implementingUnits);
  const units = await resolveUnitIds(tx, plan.communeId, [...(input.monitoringUnit ? [input.monitoringUnit] : []), ...implementing]);
  return {
    data: {
      code: input.code,
      name: input.name,
      group,
      valueKind,
      measurementUnit,
      targetText: target.text || null,
      targetRule: target.rule,
      targetValue: target.value,
      numeratorLabel: input.numeratorLabel,
      denominatorLabel: input.denominatorLabel,
      monitoringUnitId: input.monitoringUnit ? (units.byName.get(input.monitoringUnit) ?? null) : null,
      monitoringUnitText: input.monitoringUnit,
      implementingUnitText: input.implementingUnits,
      importWarnings: input.clearWarnings ? [] : oldWarnings,
    },
    implementingIds: [...new Set(implementing.map((n) => units.byName.get(n)).filter((v): v is string => !!v))],
    createdUnits: units.created.map((u) => u.name),
  };
}

export async function addIndicator(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("plan.write", addIndicatorSchema, formDataToObject(formData), async (actor, input) =>
    onEditablePlan(actor, input.planId, async (tx, plan) => {
      let sectionId = (await sectionOfPlan(tx, plan, input.sectionId))?.id ?? null;
      let parentId: string | null = null;
      if (input.parentIndicatorId) {
        const parent = await tx.indicator.findUnique({ where: { id: input.parentIndicatorId } });
        if (!parent || parent.planId !== plan.id) throw new NotFoundError("Không tìm thấy chỉ tiêu cha trong kế hoạch này.");
        if (parent.parentId) throw new UserError("Dòng con chỉ thêm được dưới một chỉ tiêu chính.");
        parentId = parent.id;
        sectionId = parent.sectionId; // a sub-row lives in its main indicator's section
      }
      const { data, implementingIds, createdUnits } = await indicatorData(tx, plan, input, []);
      const created = await tx.indicator.create({ data: { ...data, planId: plan.id, sectionId, parentId, position: END_POSITION } });
      if (implementingIds.length) await tx.indicatorImplementingUnit.createMany({ data: implementingIds.map((unitId) => ({ indicatorId: created.id, unitId })) });
      await placeAtEnd(tx, plan.id);
      await audit(tx, { userId: actor.id, communeId: plan.communeId, entity: "Indicator", entityId: created.id, action: "create", after: { ...created, implementingIds, createdUnits } });
      return { id: created.id };
    }),
  "Đã thêm chỉ tiêu.");
}

export async function updateIndicator(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("plan.write", updateIndicatorSchema, formDataToObject(formData), async (actor, input) =>
    onEditablePlan(actor, input.planId, async (tx, plan) => {
      const before = await tx.indicator.findUnique({ where: { id: input.id }, include: { implementingUnits: true } });
      if (!before || before.planId !== plan.id) throw new NotFoundError("Không tìm thấy chỉ tiêu trong kế hoạch này.");
      const { data, implementingIds, createdUnits } = await indicatorData(tx, plan, input, before.importWarnings);
      if (data.valueKind !== before.valueKind && (await reportedQuarters(tx, [], [input.id])).length) {
        throw new UserError("Chỉ tiêu đã có số liệu báo cáo nên không đổi được cách nhập số liệu (tỷ lệ, số, thứ hạng, hoàn thành).", {
          valueKind: "Đã có số liệu báo cáo: giữ cách nhập cũ.",
        });
      }
      const after = await tx.indicator.update({ where: { id: input.id }, data });
      await tx.indicatorImplementingUnit.deleteMany({ where: { indicatorId: input.id } });
      if (implementingIds.length) await tx.indicatorImplementingUnit.createMany({ data: implementingIds.map((unitId) => ({ indicatorId: input.id, unitId })) });
      await audit(tx, {
        userId: actor.id,
        communeId: plan.communeId,
        entity: "Indicator",
        entityId: input.id,
        action: "update",
        before: { ...before, implementingUnits: before.implementingUnits.map((u) => u.unitId) },
        after: { ...after, implementingIds, createdUnits },
      });
      return { id: input.id };
    }),
  "Đã lưu chỉ tiêu.");
}

// ---- order, numbering, deletion ------------------------------------------------------------

const moveSchema = z.object({
  planId: id("Kế hoạch"),
  kind: z.enum(ROW_KINDS, { error: "Loại dòng không hợp lệ." }),
  id: id("Dòng"),
  direction: z.enum(["up", "down"], { error: "Hướng di chuyển không hợp lệ." }),
});

/** Moves a row (a section with everything in it) above its previous or below its next sibling. */
export async function moveRow(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("plan.write", moveSchema, formDataToObject(formData), async (actor, input) =>
    onEditablePlan(actor, input.planId, async (tx, plan) => {
      await rowOfPlan(tx, plan, input.kind, input.id);
      const nodes = await loadOutline(tx, plan.id);
      if (!moveAmongSiblings(nodes, input.id, input.direction)) {
        throw new UserError(input.direction === "up" ? "Dòng đã ở đầu mục, không chuyển lên được nữa." : "Dòng đã ở cuối mục, không chuyển xuống được nữa.");
      }
      await writeDocumentOrder(tx, nodes);
      await audit(tx, { userId: actor.id, communeId: plan.communeId, entity: ENTITY[input.kind], entityId: input.id, action: "move", after: { direction: input.direction } });
      return { id: input.id };
    }),
  "Đã chuyển dòng.");
}

const renumberSchema = z.object({
  planId: id("Kế hoạch"),
  sectionId: id("Mục"),
  style: z.enum(NUMBERING_STYLES, { error: "Kiểu đánh số không hợp lệ." }).default("arabic"),
});

/** Numbers a section's direct rows 1, 2, 3… (or I, II…; a, b…; 3.1, 3.2…) in their order. */
export async function renumberSection(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("plan.write", renumberSchema, formDataToObject(formData), async (actor, input) =>
    onEditablePlan(actor, input.planId, async (tx, plan) => {
      const section = await rowOfPlan(tx, plan, "section", input.sectionId);
      const children = childrenOf(await loadOutline(tx, plan.id), section.id);
      if (children.length === 0) throw new UserError("Mục chưa có dòng nào để đánh số.");
      const changes = children
        .map((n, i) => ({ kind: n.kind, id: n.id, before: n.code, after: numberingCode(input.style, i + 1, section.code) }))
        .filter((c) => c.before !== c.after);
      for (const c of changes) {
        if (c.kind === "section") await tx.planSection.update({ where: { id: c.id }, data: { code: c.after } });
        else if (c.kind === "task") await tx.task.update({ where: { id: c.id }, data: { code: c.after } });
        else await tx.indicator.update({ where: { id: c.id }, data: { code: c.after } });
      }
      await audit(tx, { userId: actor.id, communeId: plan.communeId, entity: "PlanSection", entityId: section.id, action: "renumber", before: changes.map((c) => ({ id: c.id, code: c.before })), after: { style: input.style, codes: changes.map((c) => ({ id: c.id, code: c.after })) } });
      return { id: section.id, changed: changes.length };
    }),
  "Đã đánh số lại.");
}

const deleteRowSchema = z.object({
  planId: id("Kế hoạch"),
  kind: z.enum(ROW_KINDS, { error: "Loại dòng không hợp lệ." }),
  id: id("Dòng"),
});

/** Deletes a row (a section with everything in it); refused when any of it has reported figures. */
export async function deleteRow(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("plan.write", deleteRowSchema, formDataToObject(formData), async (actor, input) =>
    onEditablePlan(actor, input.planId, async (tx, plan) => {
      const row = await rowOfPlan(tx, plan, input.kind, input.id);
      const subtree = subtreeOf(await loadOutline(tx, plan.id), input.id);
      const taskIds = subtree.filter((n) => n.kind === "task").map((n) => n.id);
      const indicatorIds = subtree.filter((n) => n.kind === "indicator").map((n) => n.id);
      const quarters = await reportedQuarters(tx, taskIds, indicatorIds);
      if (quarters.length) {
        const label = `${KIND_NAME[input.kind]} “${shortLabel("title" in row ? row.title : "content" in row ? row.content : row.name)}”`;
        const inside = input.kind === "section" || subtree.length > 1 ? " (hoặc dòng bên trong)" : "";
        throw new UserError(
          `Không thể xóa ${label}: dòng này${inside} đã có số liệu báo cáo (${quarters.join(", ")}). Số liệu đã báo cáo phải được giữ lại; hãy sửa nội dung thay vì xóa.`,
        );
      }
      if (input.kind === "section") await tx.planSection.delete({ where: { id: input.id } });
      else if (input.kind === "task") await tx.task.delete({ where: { id: input.id } });
      else await tx.indicator.delete({ where: { id: input.id } });
      await audit(tx, {
        userId: actor.id,
        communeId: plan.communeId,
        entity: ENTITY[input.kind],
        entityId: input.id,
        action: "delete",
        before: { ...row, alsoDeleted: subtree.slice(1).map((n) => ({ kind: n.kind, id: n.id, code: n.code, label: shortLabel(n.label) })) },
      });
      return { id: input.id, deleted: subtree.length };
    }),
  "Đã xóa.");
}

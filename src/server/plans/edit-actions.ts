"use server";

// Writing a plan by hand, or correcting an imported one, while it is a draft or has been
// returned: plan details, and sections, tasks and indicators added, edited, moved,
// renumbered and deleted. Each save is one transaction that locks the plan, checks the
// user's commune and the plan's state, writes, bumps the plan's version and is audited.
// Rows that already have reported figures are never deleted: the figures must stay.
import { redirect } from "next/navigation";
import { write } from "@/server/db/write";
import { ROW_KIND, ROW_KINDS, rowMainText, shortText } from "@/domain/plans/row-kinds";
import { END_POSITION, moveAmongSiblings, numberingCode, NUMBERING_STYLES, childrenOf, subtreeOf } from "@/domain/plans/outline";
import type { Actor } from "@/server/auth/actor";
import { runAction } from "@/server/action";
import { audit } from "@/server/audit";
import { NotFoundError, UserError, type ActionResult } from "@/server/errors";
import { revalidate } from "@/server/revalidate";
import { formDataToObject, id, isoDateField, optionalText, text, z } from "@/server/validation";
import { editablePlan } from "./access";
import { ownCommuneOf } from "@/server/auth/guard";
import { loadOutline, writeDocumentOrder } from "./outline";
import {
  addIndicatorSchema,
  addTaskSchema,
  dateOf,
  deletablePlanCounts,
  indicatorData,
  redateTasks,
  replaceIndicatorLinks,
  replaceTaskLinks,
  reportedQuarters,
  ROW_STORE,
  rowOfPlan,
  sectionOfPlan,
  taskData,
  updateIndicatorSchema,
  updateTaskSchema,
  type Plan,
  type Tx,
} from "./rows";
import { LIMITS, multiline, PLAN_KINDS, planYear } from "./schemas";

const optionalId = (label: string) => id(label).optional();

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
      const deadlinesUpdated = input.year !== plan.year ? await redateTasks(tx, plan.id, input.year) : 0;
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
      const counts = await deletablePlanCounts(tx, plan);
      await tx.plan.delete({ where: { id: plan.id } });
      await audit(tx, {
        userId: actor.id,
        communeId: plan.communeId,
        entity: "Plan",
        entityId: plan.id,
        action: "delete",
        before: { title: plan.title, year: plan.year, kind: plan.kind, ...counts, sourceName: plan.sourceName },
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

export async function addTask(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("plan.write", addTaskSchema, formDataToObject(formData), async (actor, input) =>
    onEditablePlan(actor, input.planId, async (tx, plan) => {
      const section = await sectionOfPlan(tx, plan, input.sectionId);
      const { data, links, createdUnits } = await taskData(tx, plan, input, []);
      const created = await tx.task.create({ data: { ...data, planId: plan.id, sectionId: section?.id ?? null, position: END_POSITION } });
      await replaceTaskLinks(tx, created.id, links, false);
      await placeAtEnd(tx, plan.id);
      await audit(tx, { userId: actor.id, communeId: plan.communeId, entity: "Task", entityId: created.id, action: "create", after: { ...created, links, createdUnits } });
      return { id: created.id };
    }),
  "Đã thêm nhiệm vụ.");
}

export async function updateTask(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("plan.write", updateTaskSchema, formDataToObject(formData), async (actor, input) =>
    onEditablePlan(actor, input.planId, async (tx, plan) => {
      const before = await tx.task.findUnique({ where: { id: input.id }, include: { coordinatingUnits: true } });
      if (!before || before.planId !== plan.id) throw new NotFoundError("Không tìm thấy nhiệm vụ trong kế hoạch này.");
      const { data, links, createdUnits } = await taskData(tx, plan, input, before.importWarnings);
      const after = await tx.task.update({ where: { id: input.id }, data });
      await replaceTaskLinks(tx, input.id, links);
      const beforeLinks = before.coordinatingUnits.map((c) => ({ unitId: c.unitId, isLead: c.isLead }));
      await audit(tx, { userId: actor.id, communeId: plan.communeId, entity: "Task", entityId: input.id, action: "update", before: { ...before, coordinatingUnits: beforeLinks }, after: { ...after, links, createdUnits } });
      return { id: input.id };
    }),
  "Đã lưu nhiệm vụ.");
}

// ---- indicators ----------------------------------------------------------------------------

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
      const { data, links, createdUnits } = await indicatorData(tx, plan, input, []);
      const created = await tx.indicator.create({ data: { ...data, planId: plan.id, sectionId, parentId, position: END_POSITION } });
      await replaceIndicatorLinks(tx, created.id, links, false);
      await placeAtEnd(tx, plan.id);
      await audit(tx, { userId: actor.id, communeId: plan.communeId, entity: "Indicator", entityId: created.id, action: "create", after: { ...created, links, createdUnits } });
      return { id: created.id };
    }),
  "Đã thêm chỉ tiêu.");
}

export async function updateIndicator(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("plan.write", updateIndicatorSchema, formDataToObject(formData), async (actor, input) =>
    onEditablePlan(actor, input.planId, async (tx, plan) => {
      const before = await tx.indicator.findUnique({ where: { id: input.id }, include: { implementingUnits: true } });
      if (!before || before.planId !== plan.id) throw new NotFoundError("Không tìm thấy chỉ tiêu trong kế hoạch này.");
      const stored = { baselineValue: before.baselineValue === null ? null : Number(before.baselineValue), referenceYear: before.referenceYear };
      const { data, links, createdUnits } = await indicatorData(tx, plan, input, before.importWarnings, stored);
      if (data.valueKind !== before.valueKind && (await reportedQuarters(tx, [], [input.id])).length) {
        throw new UserError("Chỉ tiêu đã có số liệu báo cáo nên không đổi được cách nhập số liệu (tỷ lệ, số, thứ hạng, hoàn thành).", {
          valueKind: "Đã có số liệu báo cáo: giữ cách nhập cũ.",
        });
      }
      const after = await tx.indicator.update({ where: { id: input.id }, data });
      await replaceIndicatorLinks(tx, input.id, links);
      const beforeLinks = before.implementingUnits.map((u) => ({ unitId: u.unitId, isMonitoring: u.isMonitoring }));
      await audit(tx, { userId: actor.id, communeId: plan.communeId, entity: "Indicator", entityId: input.id, action: "update", before: { ...before, implementingUnits: beforeLinks }, after: { ...after, links, createdUnits } });
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
      await audit(tx, { userId: actor.id, communeId: plan.communeId, entity: ROW_KIND[input.kind].entity, entityId: input.id, action: "move", after: { direction: input.direction } });
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
      for (const c of changes) await ROW_STORE[c.kind].setCode(tx, c.id, c.after);
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
        const label = `${ROW_KIND[input.kind].name} “${shortText(rowMainText(input.kind, row))}”`;
        const inside = input.kind === "section" || subtree.length > 1 ? " (hoặc dòng bên trong)" : "";
        throw new UserError(
          `Không thể xóa ${label}: dòng này${inside} đã có số liệu báo cáo (${quarters.join(", ")}). Số liệu đã báo cáo phải được giữ lại; hãy sửa nội dung thay vì xóa.`,
        );
      }
      await ROW_STORE[input.kind].remove(tx, input.id);
      await audit(tx, {
        userId: actor.id,
        communeId: plan.communeId,
        entity: ROW_KIND[input.kind].entity,
        entityId: input.id,
        action: "delete",
        before: { ...row, alsoDeleted: subtree.slice(1).map((n) => ({ kind: n.kind, id: n.id, code: n.code, label: shortText(n.label) })) },
      });
      return { id: input.id, deleted: subtree.length };
    }),
  "Đã xóa.");
}

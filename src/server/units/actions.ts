"use server";

// The commune's register of responsible units: the chairman (own commune) or the admin adds,
// edits, renames and merges units. Every write is audited; the commune is checked inside the
// write transaction from the unit's own row, never from the browser.
import type { Prisma } from "@/generated/prisma/client";
import { runAction } from "@/server/action";
import { audit } from "@/server/audit";
import type { Actor } from "@/server/auth/actor";
import { assertCommuneInScope } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { ConflictError, NotFoundError, UserError, type ActionResult } from "@/server/errors";
import { revalidate } from "@/server/revalidate";
import { formDataToObject, id, text, z } from "@/server/validation";
import { normalizeUnitKey } from "@/domain/plan-import/units";
import { mergeAliases, registerIndex, UNIT_KINDS, unitKeys } from "@/domain/units/register";

type Tx = Prisma.TransactionClient;

const kindField = z.enum(UNIT_KINDS, { error: "Loại đơn vị không hợp lệ." });
/** One alias per line; commas belong to names ("Cán bộ, công chức"), so they do not split. */
const aliasesField = z
  .string()
  .max(4000, "Tên gọi khác: tối đa 4000 ký tự.")
  .optional()
  .transform((s) =>
    (s ?? "")
      .normalize("NFC")
      .split(/\r?\n/)
      .map((a) => a.replace(/\s+/g, " ").trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(200, "Mỗi tên gọi khác tối đa 200 ký tự.")).max(50, "Tối đa 50 tên gọi khác."));

async function lockedUnit(tx: Tx, actor: Actor, unitId: string) {
  await tx.$queryRaw`select id from "ResponsibleUnit" where id = ${unitId} for update`;
  const unit = await tx.responsibleUnit.findUnique({ where: { id: unitId } });
  if (!unit || unit.mergedIntoId) throw new NotFoundError("Không tìm thấy ban, ngành, bộ phận (có thể đã được gộp).");
  await assertCommuneInScope(actor, unit.communeId, tx);
  return unit;
}

/** Refuses a name or alias another live unit of the commune already answers to. */
async function assertKeysFree(tx: Tx, communeId: string, unitId: string | null, name: string, aliases: string[]) {
  const others = await tx.responsibleUnit.findMany({
    where: { communeId, mergedIntoId: null, ...(unitId ? { id: { not: unitId } } : {}) },
    select: { id: true, name: true, aliases: true },
  });
  const index = registerIndex(others);
  for (const spelling of [name, ...aliases]) {
    const owner = index.get(normalizeUnitKey(spelling));
    if (owner) {
      const other = others.find((o) => o.id === owner)!;
      throw new ConflictError(`"${spelling}" đã là tên của "${other.name}". Nếu là cùng một đơn vị, hãy gộp hai đơn vị.`);
    }
  }
}

const createSchema = z.object({ communeId: id("Xã"), name: text("Tên chính thức", 200), kind: kindField, aliases: aliasesField });

export async function createUnit(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("unit.write", createSchema, formDataToObject(formData), async (actor, input) => {
    const db = await getDb();
    const unit = await db.$transaction(async (tx) => {
      const commune = await tx.orgUnit.findUnique({ where: { id: input.communeId } });
      if (!commune || commune.level !== "COMMUNE") throw new NotFoundError("Không tìm thấy xã.");
      await assertCommuneInScope(actor, commune.id, tx);
      const aliases = mergeAliases(input.name, input.aliases);
      await assertKeysFree(tx, commune.id, null, input.name, aliases);
      const created = await tx.responsibleUnit.create({
        data: { communeId: commune.id, name: input.name, normalizedName: await freeNormalizedName(tx, commune.id, input.name), kind: input.kind, aliases },
      });
      await audit(tx, { userId: actor.id, communeId: commune.id, entity: "ResponsibleUnit", entityId: created.id, action: "create", after: { name: created.name, kind: created.kind, aliases } });
      return created;
    });
    revalidate("/don-vi");
    return { id: unit.id };
  }, "Đã thêm đơn vị vào danh mục.");
}

/** normalizedName is unique per commune, merged units included; a merged unit keeps a tagged one. */
async function freeNormalizedName(tx: Tx, communeId: string, name: string): Promise<string> {
  const key = normalizeUnitKey(name);
  const clash = await tx.responsibleUnit.findUnique({ where: { communeId_normalizedName: { communeId, normalizedName: key } } });
  if (clash?.mergedIntoId) await tx.responsibleUnit.update({ where: { id: clash.id }, data: { normalizedName: `${key} #${clash.id}` } });
  return key;
}

const updateSchema = z.object({
  id: id(),
  version: z.coerce.number({ error: "Phiên bản không hợp lệ." }).int().min(0),
  name: text("Tên chính thức", 200),
  kind: kindField,
  aliases: aliasesField,
  active: z.literal("on").optional(),
});

/** Edits a unit; a rename keeps the old name as an alias so documents written with it still match. */
export async function updateUnit(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("unit.write", updateSchema, formDataToObject(formData), async (actor, input) => {
    const db = await getDb();
    await db.$transaction(async (tx) => {
      const before = await lockedUnit(tx, actor, input.id);
      if (before.version !== input.version) throw new ConflictError("Đơn vị vừa được người khác sửa. Vui lòng tải lại trang.");
      const renamed = normalizeUnitKey(before.name) !== normalizeUnitKey(input.name);
      const aliases = mergeAliases(input.name, renamed ? [...input.aliases, before.name] : input.aliases);
      await assertKeysFree(tx, before.communeId, before.id, input.name, aliases);
      const normalizedName = renamed ? await freeNormalizedName(tx, before.communeId, input.name) : before.normalizedName;
      await tx.responsibleUnit.update({
        where: { id: before.id },
        data: { name: input.name, normalizedName, kind: input.kind, aliases, active: !!input.active, version: { increment: 1 } },
      });
      await audit(tx, {
        userId: actor.id,
        communeId: before.communeId,
        entity: "ResponsibleUnit",
        entityId: before.id,
        action: renamed ? "rename" : "update",
        before: { name: before.name, kind: before.kind, aliases: before.aliases, active: before.active },
        after: { name: input.name, kind: input.kind, aliases, active: !!input.active },
      });
    });
    revalidate("/don-vi");
    return { id: input.id };
  }, "Đã lưu đơn vị.");
}

const mergeSchema = z.object({ sourceId: id("Đơn vị cần gộp"), targetId: id("Đơn vị giữ lại") });

/**
 * Merges A (source) into B (target): every task it leads or coordinates, every indicator it
 * monitors or implements and every user of A now belong to B; A's name and aliases become
 * B's aliases. A stays as a marked row (mergedIntoId) so history and old links still resolve.
 */
export async function mergeUnits(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("unit.write", mergeSchema, formDataToObject(formData), async (actor, input) => {
    if (input.sourceId === input.targetId) throw new UserError("Hãy chọn hai đơn vị khác nhau.", { targetId: "Chọn đơn vị khác." });
    const db = await getDb();
    const result = await db.$transaction(async (tx) => {
      // Lock in a fixed order so two merges of the same pair cannot deadlock.
      const [first, second] = [input.sourceId, input.targetId].sort();
      const a = await lockedUnit(tx, actor, first);
      const b = await lockedUnit(tx, actor, second);
      const source = a.id === input.sourceId ? a : b;
      const target = a.id === input.targetId ? a : b;
      if (source.communeId !== target.communeId) throw new UserError("Chỉ gộp được các đơn vị của cùng một xã.");
      return mergeInto(tx, actor, source, target);
    });
    revalidate("/don-vi");
    revalidate("/tong-quan");
    return result;
  }, "Đã gộp đơn vị.");
}

type UnitRow = Awaited<ReturnType<typeof lockedUnit>>;

async function mergeInto(tx: Tx, actor: Actor, source: UnitRow, target: UnitRow) {
  const moved = {
    leadTasks: (await tx.task.updateMany({ where: { leadUnitId: source.id }, data: { leadUnitId: target.id } })).count,
    monitoredIndicators: (await tx.indicator.updateMany({ where: { monitoringUnitId: source.id }, data: { monitoringUnitId: target.id } })).count,
    users: (await tx.user.updateMany({ where: { responsibleUnitId: source.id }, data: { responsibleUnitId: target.id } })).count,
    coordinatingTasks: 0,
    implementedIndicators: 0,
  };
  // Link tables: re-point A's links unless B already has the same one; a task B now leads does
  // not also list B as coordinating.
  const coord = await tx.taskCoordinatingUnit.findMany({ where: { unitId: source.id }, select: { taskId: true, isLead: true } });
  if (coord.length) {
    const taskIds = coord.map((c) => c.taskId);
    const [already, ledByTarget] = await Promise.all([
      tx.taskCoordinatingUnit.findMany({ where: { unitId: target.id, taskId: { in: taskIds } }, select: { taskId: true } }),
      tx.task.findMany({ where: { id: { in: taskIds }, leadUnitId: target.id }, select: { id: true } }),
    ]);
    const skip = new Set([...already.map((r) => r.taskId), ...ledByTarget.map((r) => r.id)]);
    const add = coord.filter((c) => !skip.has(c.taskId));
    await tx.taskCoordinatingUnit.deleteMany({ where: { unitId: source.id } });
    if (add.length) await tx.taskCoordinatingUnit.createMany({ data: add.map((c) => ({ taskId: c.taskId, unitId: target.id, isLead: c.isLead })) });
    moved.coordinatingTasks = coord.length;
  }
  const impl = await tx.indicatorImplementingUnit.findMany({ where: { unitId: source.id }, select: { indicatorId: true, isMonitoring: true } });
  if (impl.length) {
    const ids = impl.map((c) => c.indicatorId);
    const already = new Set((await tx.indicatorImplementingUnit.findMany({ where: { unitId: target.id, indicatorId: { in: ids } }, select: { indicatorId: true } })).map((r) => r.indicatorId));
    await tx.indicatorImplementingUnit.deleteMany({ where: { unitId: source.id } });
    const monitoredByTarget = new Set((await tx.indicator.findMany({ where: { id: { in: ids }, monitoringUnitId: target.id }, select: { id: true } })).map((r) => r.id));
    const add = impl.filter((c) => !already.has(c.indicatorId) && !(c.isMonitoring && monitoredByTarget.has(c.indicatorId)));
    if (add.length) await tx.indicatorImplementingUnit.createMany({ data: add.map((c) => ({ indicatorId: c.indicatorId, unitId: target.id, isMonitoring: c.isMonitoring })) });
    moved.implementedIndicators = impl.length;
  }
  // Units merged into A earlier now point at B directly, so a link to any of them finds B.
  await tx.responsibleUnit.updateMany({ where: { mergedIntoId: source.id }, data: { mergedIntoId: target.id } });
  const aliases = mergeAliases(target.name, [...target.aliases, source.name, ...source.aliases]);
  await tx.responsibleUnit.update({ where: { id: target.id }, data: { aliases, version: { increment: 1 } } });
  await tx.responsibleUnit.update({
    where: { id: source.id },
    data: { mergedIntoId: target.id, active: false, normalizedName: `${source.normalizedName} #${source.id}`, version: { increment: 1 } },
  });
  const after = { into: { id: target.id, name: target.name }, aliases, moved };
  await audit(tx, { userId: actor.id, communeId: source.communeId, entity: "ResponsibleUnit", entityId: source.id, action: "merge", before: { name: source.name, aliases: source.aliases }, after });
  await audit(tx, { userId: actor.id, communeId: target.communeId, entity: "ResponsibleUnit", entityId: target.id, action: "merge-in", before: { aliases: target.aliases }, after: { from: { id: source.id, name: source.name }, aliases, moved } });
  return { targetId: target.id, moved, keys: unitKeys({ name: target.name, aliases }).length };
}

"use server";

// Administration: org units, responsible units, users. ADMIN only, checked here.
import { revalidate } from "@/server/revalidate";
import { write } from "@/server/db/write";
import { runAction } from "@/server/action";
import { audit } from "@/server/audit";
import { hashPassword, PASSWORD_MIN_LENGTH } from "@/server/auth/password";
import { normalizeUsername } from "@/server/auth/sign-in";
import { getDb } from "@/server/db";
import { ConflictError, NotFoundError, UserError, type ActionResult } from "@/server/errors";
import { normalizeUnitKey } from "@/domain/plan-import";
import { formDataToObject, id, text, z } from "@/server/validation";

const LEVELS = ["PROVINCE", "DISTRICT", "COMMUNE"] as const;
const ROLES = ["COMMUNE_STAFF", "CHAIRMAN", "REVIEWER", "ADMIN"] as const;

const orgUnitSchema = z.object({
  name: text("Tên đơn vị", 200),
  level: z.enum(LEVELS, { error: "Cấp đơn vị không hợp lệ." }),
  parentId: id("Đơn vị cấp trên").optional(),
});

async function checkParent(level: (typeof LEVELS)[number], parentId: string | undefined) {
  const db = await getDb();
  if (level === "PROVINCE") {
    if (parentId) throw new UserError("Tỉnh không có đơn vị cấp trên.", { parentId: "Tỉnh không có đơn vị cấp trên." });
    return;
  }
  if (!parentId) throw new UserError("Vui lòng chọn đơn vị cấp trên.", { parentId: "Vui lòng chọn đơn vị cấp trên." });
  const parent = await db.orgUnit.findUnique({ where: { id: parentId } });
  if (!parent) throw new NotFoundError("Không tìm thấy đơn vị cấp trên.");
  const allowed = level === "DISTRICT" ? ["PROVINCE"] : ["PROVINCE", "DISTRICT"];
  if (!allowed.includes(parent.level)) {
    const msg = level === "DISTRICT" ? "Huyện phải thuộc một tỉnh." : "Xã phải thuộc một huyện hoặc trực thuộc tỉnh.";
    throw new UserError(msg, { parentId: msg });
  }
}

export async function createOrgUnit(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("admin.orgUnit.write", orgUnitSchema, formDataToObject(formData), async (actor, input) => {
    await checkParent(input.level, input.parentId);
    const unit = await write(async (tx) => {
      const created = await tx.orgUnit.create({ data: { name: input.name, level: input.level, parentId: input.parentId ?? null } });
      await audit(tx, { userId: actor.id, entity: "OrgUnit", entityId: created.id, action: "create", after: input });
      return created;
    });
    revalidate("/quan-tri");
    return { id: unit.id };
  }, "Đã thêm đơn vị.");
}

const updateOrgUnitSchema = orgUnitSchema.extend({ id: id() });

export async function updateOrgUnit(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("admin.orgUnit.write", updateOrgUnitSchema, formDataToObject(formData), async (actor, input) => {
    if (input.parentId === input.id) throw new UserError("Đơn vị không thể là cấp trên của chính nó.");
    await checkParent(input.level, input.parentId);
    await write(async (tx) => {
      const before = await tx.orgUnit.findUnique({ where: { id: input.id } });
      if (!before) throw new NotFoundError("Không tìm thấy đơn vị.");
      if (before.level !== input.level) {
        const children = await tx.orgUnit.count({ where: { parentId: input.id } });
        if (children > 0) throw new UserError("Không đổi cấp của đơn vị đang có đơn vị trực thuộc.");
      }
      await tx.orgUnit.update({ where: { id: input.id }, data: { name: input.name, level: input.level, parentId: input.parentId ?? null } });
      await audit(tx, { userId: actor.id, entity: "OrgUnit", entityId: input.id, action: "update", before, after: input });
    });
    revalidate("/quan-tri");
    return { id: input.id };
  }, "Đã cập nhật đơn vị.");
}

const responsibleUnitSchema = z.object({ communeId: id("Xã"), name: text("Tên ban, ngành, bộ phận", 200) });

export async function createResponsibleUnit(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("admin.responsibleUnit.write", responsibleUnitSchema, formDataToObject(formData), async (actor, input) => {
    const db = await getDb();
    const commune = await db.orgUnit.findUnique({ where: { id: input.communeId } });
    if (!commune || commune.level !== "COMMUNE") throw new NotFoundError("Không tìm thấy xã.");
    const normalizedName = normalizeUnitKey(input.name);
    const clash = await db.responsibleUnit.findUnique({ where: { communeId_normalizedName: { communeId: input.communeId, normalizedName } } });
    if (clash) throw new ConflictError(`Xã đã có đơn vị "${clash.name}".`);
    const unit = await write(async (tx) => {
      const created = await tx.responsibleUnit.create({ data: { communeId: input.communeId, name: input.name, normalizedName } });
      await audit(tx, { userId: actor.id, communeId: input.communeId, entity: "ResponsibleUnit", entityId: created.id, action: "create", after: input });
      return created;
    });
    revalidate("/quan-tri");
    return { id: unit.id };
  }, "Đã thêm ban, ngành, bộ phận.");
}

const passwordField = z
  .string({ error: "Vui lòng nhập mật khẩu." })
  .min(PASSWORD_MIN_LENGTH, `Mật khẩu tối thiểu ${PASSWORD_MIN_LENGTH} ký tự.`)
  .max(200, "Mật khẩu quá dài.");

const userSchema = z.object({
  username: z
    .string({ error: "Vui lòng nhập tên đăng nhập." })
    .transform(normalizeUsername)
    .pipe(z.string().regex(/^[a-z0-9._-]{3,50}$/, "Tên đăng nhập 3–50 ký tự: chữ không dấu, số, dấu chấm, gạch.")),
  fullName: text("Họ và tên", 120),
  role: z.enum(ROLES, { error: "Vai trò không hợp lệ." }),
  orgUnitId: id("Đơn vị"),
  responsibleUnitId: id("Ban, ngành").optional(),
  password: passwordField,
  canSubmit: z.literal("on").optional(),
});

async function checkRoleUnit(role: (typeof ROLES)[number], orgUnitId: string, responsibleUnitId?: string) {
  const db = await getDb();
  const unit = await db.orgUnit.findUnique({ where: { id: orgUnitId } });
  if (!unit) throw new NotFoundError("Không tìm thấy đơn vị.");
  if ((role === "COMMUNE_STAFF" || role === "CHAIRMAN") && unit.level !== "COMMUNE") {
    throw new UserError("Công chức và Chủ tịch phải thuộc một xã.", { orgUnitId: "Chọn một xã." });
  }
  if (role === "REVIEWER" && unit.level === "COMMUNE") {
    throw new UserError("Cán bộ thẩm định thuộc huyện hoặc tỉnh.", { orgUnitId: "Chọn huyện hoặc tỉnh." });
  }
  if (responsibleUnitId) {
    const ru = await db.responsibleUnit.findUnique({ where: { id: responsibleUnitId } });
    if (!ru || ru.communeId !== orgUnitId) throw new UserError("Ban, ngành không thuộc xã đã chọn.", { responsibleUnitId: "Không thuộc xã đã chọn." });
  }
}

export async function createUser(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("admin.user.write", userSchema, formDataToObject(formData), async (actor, input) => {
    await checkRoleUnit(input.role, input.orgUnitId, input.responsibleUnitId);
    const db = await getDb();
    if (await db.user.findUnique({ where: { username: input.username } })) {
      throw new ConflictError("Tên đăng nhập đã có người dùng.");
    }
    const passwordHash = await hashPassword(input.password);
    const user = await write(async (tx) => {
      const created = await tx.user.create({
        data: {
          username: input.username,
          fullName: input.fullName,
          role: input.role,
          orgUnitId: input.orgUnitId,
          responsibleUnitId: input.responsibleUnitId ?? null,
          canSubmit: input.role === "CHAIRMAN" || !!input.canSubmit,
          passwordHash,
        },
      });
      const { passwordHash: _omit, ...after } = created;
      void _omit;
      await audit(tx, { userId: actor.id, entity: "User", entityId: created.id, action: "create", after });
      return created;
    });
    revalidate("/quan-tri/nguoi-dung");
    return { id: user.id };
  }, "Đã tạo người dùng.");
}

const updateUserSchema = userSchema.omit({ username: true, password: true }).extend({
  id: id("Người dùng"),
  active: z.literal("on").optional(),
});

export async function updateUser(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("admin.user.write", updateUserSchema, formDataToObject(formData), async (actor, input) => {
    if (input.id === actor.id && !input.active) throw new UserError("Không thể tự vô hiệu hóa tài khoản của mình.");
    await checkRoleUnit(input.role, input.orgUnitId, input.responsibleUnitId);
    await write(async (tx) => {
      const before = await tx.user.findUnique({ where: { id: input.id }, omit: { passwordHash: true } });
      if (!before) throw new NotFoundError("Không tìm thấy người dùng.");
      const active = !!input.active;
      const after = await tx.user.update({
        where: { id: input.id },
        data: {
          fullName: input.fullName,
          role: input.role,
          orgUnitId: input.orgUnitId,
          responsibleUnitId: input.responsibleUnitId ?? null,
          canSubmit: input.role === "CHAIRMAN" || !!input.canSubmit,
          active,
          // Deactivation or a change of role/unit ends the user's sessions at once.
          sessionVersion:
            !active || before.role !== input.role || before.orgUnitId !== input.orgUnitId ? { increment: 1 } : undefined,
        },
        omit: { passwordHash: true },
      });
      await audit(tx, { userId: actor.id, entity: "User", entityId: input.id, action: "update", before, after });
    });
    revalidate("/quan-tri/nguoi-dung");
    return { id: input.id };
  }, "Đã cập nhật người dùng.");
}

const resetPasswordSchema = z.object({ id: id("Người dùng"), password: passwordField });

export async function resetPassword(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("admin.user.write", resetPasswordSchema, formDataToObject(formData), async (actor, input) => {
    const passwordHash = await hashPassword(input.password);
    await write(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: input.id } });
      if (!user) throw new NotFoundError("Không tìm thấy người dùng.");
      await tx.user.update({
        where: { id: input.id },
        data: { passwordHash, sessionVersion: { increment: 1 }, failedLoginCount: 0, lockedUntil: null },
      });
      await audit(tx, { userId: actor.id, entity: "User", entityId: input.id, action: "resetPassword" });
    });
    return { id: input.id };
  }, "Đã đặt lại mật khẩu. Người dùng cần đăng nhập lại.");
}

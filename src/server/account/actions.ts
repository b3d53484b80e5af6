"use server";

// A user changes their own password; every session (this one included) ends.
import { runAction } from "@/server/action";
import { write } from "@/server/db/write";
import { audit } from "@/server/audit";
import { hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from "@/server/auth/password";
import { endAllSessions } from "@/server/auth/sessions";
import { getDb } from "@/server/db";
import { UserError, type ActionResult } from "@/server/errors";
import { formDataToObject, z } from "@/server/validation";

const schema = z
  .object({
    currentPassword: z.string({ error: "Vui lòng nhập mật khẩu hiện tại." }).min(1, "Vui lòng nhập mật khẩu hiện tại.").max(200),
    newPassword: z
      .string({ error: "Vui lòng nhập mật khẩu mới." })
      .min(PASSWORD_MIN_LENGTH, `Mật khẩu mới tối thiểu ${PASSWORD_MIN_LENGTH} ký tự.`)
      .max(200, "Mật khẩu quá dài."),
    confirmPassword: z.string({ error: "Vui lòng nhập lại mật khẩu mới." }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "Mật khẩu nhập lại không khớp." });

export async function changePassword(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("account.changePassword", schema, formDataToObject(formData), async (actor, input) => {
    const db = await getDb();
    const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new UserError("Mật khẩu hiện tại không đúng.", { currentPassword: "Mật khẩu hiện tại không đúng." });
    }
    const passwordHash = await hashPassword(input.newPassword);
    await write(async (tx) => {
      await tx.user.update({ where: { id: actor.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
      await audit(tx, { userId: actor.id, entity: "User", entityId: actor.id, action: "changePassword" });
    });
    return null;
  }, "Đã đổi mật khẩu. Mọi phiên đăng nhập đã kết thúc, vui lòng đăng nhập lại bằng mật khẩu mới.");
}

/**
 * "Sign out everywhere": every open session of this account ends at once, on every computer
 * and every instance (a cookie left on a shared office computer included), this one too.
 */
export async function signOutEverywhere(_: ActionResult<unknown> | null, formData: FormData) {
  void formData;
  return runAction("account.changePassword", z.object({}), {}, async (actor) => {
    const db = await getDb();
    await db.$transaction(async (tx) => {
      const ended = await endAllSessions(actor.id, tx);
      await audit(tx, { userId: actor.id, entity: "User", entityId: actor.id, action: "signOutEverywhere", after: { endedSessions: ended } });
    });
    return null;
  }, "Đã đăng xuất khỏi mọi thiết bị. Vui lòng đăng nhập lại.");
}

const delegateSchema = z.object({ userId: z.string().min(1).max(64), allowed: z.boolean() });

/** The chairman allows (or stops allowing) a staff member of the commune to submit reports and plans. */
export async function setSubmitPermission(input: { userId: string; allowed: boolean }) {
  return runAction("commune.delegateSubmit", delegateSchema, input, async (actor, data) => {
    await write(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: data.userId } });
      if (!user || user.orgUnitId !== actor.orgUnitId || user.role !== "COMMUNE_STAFF") {
        throw new UserError("Chỉ giao quyền nộp cho công chức của xã mình.");
      }
      await tx.user.update({ where: { id: user.id }, data: { canSubmit: data.allowed } });
      await audit(tx, { userId: actor.id, communeId: actor.orgUnitId, entity: "User", entityId: user.id, action: "setSubmitPermission", before: { canSubmit: user.canSubmit }, after: { canSubmit: data.allowed } });
    });
    return null;
  }, input.allowed ? "Đã cho phép nộp báo cáo." : "Đã thu hồi quyền nộp báo cáo.");
}

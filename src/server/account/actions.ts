"use server";

// A user changes their own password; every session (this one included) ends.
import { runAction } from "@/server/action";
import { audit } from "@/server/audit";
import { hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from "@/server/auth/password";
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
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: actor.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
      await audit(tx, { userId: actor.id, entity: "User", entityId: actor.id, action: "changePassword" });
    });
    return null;
  }, "Đã đổi mật khẩu. Mọi phiên đăng nhập đã kết thúc, vui lòng đăng nhập lại bằng mật khẩu mới.");
}

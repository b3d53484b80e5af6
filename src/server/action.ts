// The one way a server action runs: who is calling, may they, is the input valid, and a
// Vietnamese answer for every refusal. Nothing is written unless all checks pass.
import "server-only";
import { ActionResult, UserError } from "@/server/errors";
import type { Actor } from "@/server/auth/actor";
import { requireActor } from "@/server/auth/guard";
import type { Permission } from "@/domain/policy";
import { fieldErrorsOf, z } from "@/server/validation";

export async function runAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  rawInput: unknown,
  handler: (actor: Actor, input: z.output<S>) => Promise<T>,
  successMessage?: string,
): Promise<ActionResult<T>> {
  try {
    const actor = await requireActor(permission);
    const parsed = schema.safeParse(rawInput);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      return { ok: false, error: "Dữ liệu chưa hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.", fieldErrors };
    }
    const data = await handler(actor, parsed.data);
    return { ok: true, data, message: successMessage };
  } catch (error) {
    if (error instanceof UserError) {
      return { ok: false, error: error.message, fieldErrors: error.fieldErrors, details: (error as { details?: unknown }).details };
    }
    console.error("Server action failed", error);
    return { ok: false, error: "Đã có lỗi hệ thống, thay đổi chưa được lưu. Vui lòng thử lại." };
  }
}

"use server";

// The user's own notices (open = mark read and go where the work is done), their email
// preferences, and the reviewer's reminder to communes that have not reported.
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { runAction } from "@/server/action";
import { getDb } from "@/server/db";
import { audit } from "@/server/audit";
import { communeIdsInScope } from "@/server/auth/guard";
import { revalidate } from "@/server/revalidate";
import { ForbiddenError, NotFoundError, UserError, type ActionResult } from "@/server/errors";
import { id, quarterField, yearField, z } from "@/server/validation";
import { calendarFor } from "@/server/calendar/queries";
import { notifyEvent } from "./notify";
import { isCommuneUser } from "@/domain/policy";

/**
 * Marks the caller's notice read and sends them to the page it is about. A refusal is
 * returned (not redirected) so a caller can tell it from success.
 */
export async function openNotification(formData: FormData): Promise<ActionResult<string>> {
  const result = await runAction("notification.read", z.object({ id: id("Thông báo") }), Object.fromEntries(formData), async (actor, data) => {
    const db = await getDb();
    const n = await db.notification.findFirst({ where: { id: data.id, userId: actor.id }, select: { id: true, link: true, readAt: true } });
    if (!n) throw new NotFoundError("Không tìm thấy thông báo.");
    if (!n.readAt) await db.notification.update({ where: { id: n.id }, data: { readAt: new Date() } });
    // Only the app's own pages: a notice's link is always a path.
    return n.link.startsWith("/") && !n.link.startsWith("//") ? n.link : "/thong-bao";
  });
  if (!result.ok) return result;
  // The bell lives in the shared layout, which a soft navigation keeps: refresh it too.
  try {
    revalidatePath("/", "layout");
  } catch {
    // Outside a Next request (tests): nothing cached.
  }
  redirect(result.data);
}

export async function markAllNotificationsRead(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("notification.read", z.object({}), Object.fromEntries(formData), async (actor) => {
    const db = await getDb();
    await db.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
    revalidate("/thong-bao");
    return null;
  }, "Đã đánh dấu tất cả là đã đọc.");
}

const emailSchema = z.object({
  email: z
    .string()
    .max(254, "Địa chỉ email quá dài.")
    .optional()
    .transform((v) => (v ?? "").trim() || null)
    .refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), "Địa chỉ email không hợp lệ."),
  emailMode: z.enum(["NONE", "IMMEDIATE", "DAILY_DIGEST"], { error: "Chọn cách nhận email." }),
});

export async function saveEmailPreferences(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("account.email", emailSchema, Object.fromEntries(formData), async (actor, data) => {
    if (data.emailMode !== "NONE" && !data.email) throw new UserError("Nhập địa chỉ email để nhận thư.", { email: "Nhập địa chỉ email." });
    const db = await getDb();
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: actor.id }, data: { email: data.email, emailMode: data.emailMode } });
      await audit(tx, { userId: actor.id, entity: "User", entityId: actor.id, action: "email-preferences", after: { emailMode: data.emailMode, email: data.email ? "(đã đặt)" : null } });
    });
    revalidate("/tai-khoan");
    return null;
  }, "Đã lưu cách nhận email.");
}

const remindSchema = z.object({
  year: yearField(),
  quarter: quarterField(),
  /** One commune, or empty for every commune in scope that has not submitted. */
  communeId: z.string().max(64).optional().transform((v) => (v ?? "").trim() || null),
  message: z.string().max(1000, "Lời nhắn tối đa 1000 ký tự.").optional().transform((v) => (v ?? "").normalize("NFC").trim() || null),
});

/** The reviewer reminds one commune, or all that have not submitted the quarter's report. */
export async function remindCommunes(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("review.remind", remindSchema, Object.fromEntries(formData), async (actor, data) => {
    if (isCommuneUser(actor)) throw new ForbiddenError();
    const db = await getDb();
    const count = await db.$transaction(async (tx) => {
      const inScope = await communeIdsInScope(actor, tx);
      if (data.communeId && !inScope.includes(data.communeId)) throw new ForbiddenError("Xã này không thuộc đơn vị bạn phụ trách.");
      const candidates = data.communeId ? [data.communeId] : inScope;
      const [withPlans, reports] = await Promise.all([
        tx.plan.findMany({ where: { communeId: { in: candidates }, year: data.year }, select: { communeId: true }, distinct: ["communeId"] }),
        tx.quarterlyReport.findMany({ where: { communeId: { in: candidates }, period: { year: data.year, quarter: data.quarter }, status: { in: ["SUBMITTED", "APPROVED"] } }, select: { communeId: true } }),
      ]);
      const submitted = new Set(reports.map((r) => r.communeId));
      const targets = data.communeId ? candidates : withPlans.map((p) => p.communeId).filter((c) => !submitted.has(c));
      if (data.communeId && submitted.has(data.communeId)) throw new UserError("Xã này đã nộp báo cáo quý này.");
      if (!targets.length) throw new UserError("Không có xã nào cần nhắc: các xã đều đã nộp.");
      const { chains, deadline } = await calendarFor(targets, [data.year], tx);
      const reminderId = randomUUID();
      for (const c of chains) {
        await notifyEvent(tx, {
          kind: "reminder",
          communeId: c.communeId,
          communeName: c.communeName,
          reminderId,
          year: data.year,
          quarter: data.quarter,
          dueDate: deadline(c.communeId, data.year, data.quarter).dueDate,
          message: data.message,
          fromName: actor.orgUnitName,
        });
        await audit(tx, { userId: actor.id, communeId: c.communeId, entity: "Reminder", entityId: reminderId, action: "remind", after: { year: data.year, quarter: data.quarter, message: data.message } });
      }
      return chains.length;
    });
    revalidate("/xet-duyet/nop-bao-cao");
    return { count };
  }, "Đã gửi lời nhắc.");
}

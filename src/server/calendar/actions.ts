"use server";

// A reviewing unit sets its communes' report deadlines: the province per year and quarter
// (and its default rule for years without dates), a district only earlier dates.
import { runAction } from "@/server/action";
import { getDb } from "@/server/db";
import { audit } from "@/server/audit";
import { revalidate } from "@/server/revalidate";
import { ForbiddenError, UserError, type ActionResult } from "@/server/errors";
import { blankAsNull, quarterField, viDateField, yearField, z } from "@/server/validation";
import { formatDate } from "@/domain/format";
import { resolveDeadline } from "@/domain/calendar";
import { isCommuneUser } from "@/domain/policy";

const deadlineSchema = z.object({
  year: yearField(),
  quarter: quarterField(),
  dueDate: blankAsNull(viDateField("Hạn nộp")),
  cutoffDate: blankAsNull(viDateField("Ngày chốt số liệu")),
  /** Explicit, so an empty date is a mistake to report rather than a deletion. */
  clear: z.literal("on").optional(),
});

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Sets (or, with an empty date, clears) the caller's unit's deadline for one quarter. */
export async function setReportingDeadline(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("review.deadline", deadlineSchema, Object.fromEntries(formData), async (actor, data) => {
    if (isCommuneUser(actor)) throw new ForbiddenError();
    const db = await getDb();
    await db.$transaction(async (tx) => {
      const where = { orgUnitId_year_quarter: { orgUnitId: actor.orgUnitId, year: data.year, quarter: data.quarter } };
      if (data.clear) {
        await tx.reportingDeadline.deleteMany({ where: { orgUnitId: actor.orgUnitId, year: data.year, quarter: data.quarter } });
      } else {
        const due = data.dueDate;
        if (!due) throw new UserError("Nhập hạn nộp theo dạng dd/mm/yyyy.", { dueDate: "Nhập hạn nộp theo dạng dd/mm/yyyy." });
        if (due < `${data.year}-01-01` || due > `${data.year + 1}-03-31`) {
          throw new UserError("Hạn nộp phải trong năm báo cáo hoặc quý I năm sau.", { dueDate: "Hạn nộp phải trong năm báo cáo hoặc quý I năm sau." });
        }
        if (data.cutoffDate && data.cutoffDate > due) throw new UserError("Ngày chốt số liệu không được sau hạn nộp.", { cutoffDate: "Ngày chốt số liệu không được sau hạn nộp." });
        if (actor.orgLevel === "DISTRICT") {
          // A district may only ask for the report sooner than the province does.
          const unit = await tx.orgUnit.findUniqueOrThrow({ where: { id: actor.orgUnitId }, select: { parent: { select: { id: true, name: true, level: true } } } });
          const province = unit.parent?.level === "PROVINCE" ? unit.parent : null;
          if (province) {
            const [entry, rule] = await Promise.all([
              tx.reportingDeadline.findUnique({ where: { orgUnitId_year_quarter: { orgUnitId: province.id, year: data.year, quarter: data.quarter } } }),
              tx.reportingDeadlineRule.findUnique({ where: { orgUnitId: province.id } }),
            ]);
            const provinceDue = resolveDeadline({ year: data.year, quarter: data.quarter, province: { unitName: province.name, dueDate: entry?.dueDate.toISOString().slice(0, 10), rule } }).dueDate;
            if (due > provinceDue) {
              const msg = `Huyện chỉ được đặt hạn sớm hơn hạn của tỉnh (${formatDate(provinceDue)}).`;
              throw new UserError(msg, { dueDate: msg });
            }
          }
        }
        const values = { dueDate: toDate(due), cutoffDate: data.cutoffDate ? toDate(data.cutoffDate) : null, updatedById: actor.id };
        await tx.reportingDeadline.upsert({ where, update: values, create: { orgUnitId: actor.orgUnitId, year: data.year, quarter: data.quarter, ...values } });
      }
      await audit(tx, { userId: actor.id, communeId: null, entity: "ReportingDeadline", entityId: `${actor.orgUnitId}:${data.year}:${data.quarter}`, action: "set", after: data.clear ? { cleared: true } : { dueDate: data.dueDate, cutoffDate: data.cutoffDate } });
    });
    revalidate("/xet-duyet");
    return null;
  }, "Đã lưu hạn nộp.");
}

const ruleSchema = z.object({
  dayOfMonth: z.coerce.number({ error: "Nhập ngày trong tháng." }).int("Nhập số nguyên.").min(1, "Ngày từ 1 đến 31.").max(31, "Ngày từ 1 đến 31."),
  monthOffset: z.coerce.number().int().min(0, "Chọn tháng.").max(1, "Chọn tháng."),
});

/** The province's default rule for years without dates. */
export async function setDeadlineRule(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("review.deadline", ruleSchema, Object.fromEntries(formData), async (actor, data) => {
    if (actor.orgLevel !== "PROVINCE") throw new ForbiddenError("Chỉ cấp tỉnh đặt quy tắc hạn nộp mặc định.");
    const db = await getDb();
    await db.$transaction(async (tx) => {
      const values = { dayOfMonth: data.dayOfMonth, monthOffset: data.monthOffset, updatedById: actor.id };
      await tx.reportingDeadlineRule.upsert({ where: { orgUnitId: actor.orgUnitId }, update: values, create: { orgUnitId: actor.orgUnitId, ...values } });
      await audit(tx, { userId: actor.id, communeId: null, entity: "ReportingDeadlineRule", entityId: actor.orgUnitId, action: "set", after: data });
    });
    revalidate("/xet-duyet");
    return null;
  }, "Đã lưu quy tắc hạn nộp mặc định.");
}

"use server";

// Issue 17: last year's figure for a target judged against a previous year, when the plan does
// not carry it. The chairman gives it once from the report page; after that it is the plan's
// (Indicator.baselineValue, the same field the plan editor and the import fill) and is changed
// only there. One transaction: the indicator row is locked, the commune checked, audited.
import { runAction } from "@/server/action";
import { write } from "@/server/db/write";
import { audit } from "@/server/audit";
import { assertCan } from "@/server/auth/guard";
import { NotFoundError, UserError } from "@/server/errors";
import { revalidate } from "@/server/revalidate";
import { id, z } from "@/server/validation";
import { BASELINE_RULES, baselineLabel, baselineYear, readBaseline } from "@/domain/reporting/baseline";
import { formatNumber } from "@/domain/format";

const baselineSchema = z.object({
  indicatorId: id("Chỉ tiêu"),
  value: z.string({ error: "Nhập số liệu năm trước." }).max(30, "Số liệu quá dài."),
});

export async function setIndicatorBaseline(input: z.input<typeof baselineSchema>) {
  return runAction("plan.baseline", baselineSchema, input, async (actor, data) => {
    const saved = await write(async (tx) => {
      await tx.$queryRaw`select id from "Indicator" where id = ${data.indicatorId} for update`;
      const ind = await tx.indicator.findUnique({
        where: { id: data.indicatorId },
        select: { id: true, name: true, targetRule: true, baselineValue: true, referenceYear: true, plan: { select: { communeId: true, year: true } } },
      });
      if (!ind) throw new NotFoundError("Không tìm thấy chỉ tiêu.");
      // Scope before anything about the row is told.
      await assertCan(actor, "plan.baseline", ind.plan.communeId, tx);
      if (!BASELINE_RULES.has(ind.targetRule)) throw new UserError("Chỉ tiêu này không so sánh với năm trước.");
      const label = baselineLabel(ind.targetRule, baselineYear(ind.plan.year, ind.referenceYear));
      if (ind.baselineValue !== null) throw new UserError(`${label} đã có (${formatNumber(ind.baselineValue.toNumber())}); sửa trong kế hoạch nếu cần.`);
      const read = readBaseline(ind.targetRule, data.value);
      if (!read.ok) throw new UserError(read.error, { value: read.error });
      await tx.indicator.update({ where: { id: ind.id }, data: { baselineValue: read.value } });
      await audit(tx, {
        userId: actor.id,
        communeId: ind.plan.communeId,
        entity: "Indicator",
        entityId: ind.id,
        action: "set-baseline",
        before: { baselineValue: null },
        after: { baselineValue: read.value },
      });
      return { value: read.value, label };
    });
    revalidate("/bao-cao");
    revalidate("/tong-quan");
    return saved;
  }, "Đã lưu số liệu năm trước; trạng thái của chỉ tiêu đã được đánh giá lại.");
}

"use server";

// Issue 14: the per-province setting "the province reviews commune plans". Where it does, a
// plan is in force once the level above approves it; where it does not, once the commune issues
// it. Turning review off brings the plans already submitted into force (their version kept), so
// that no commune waits for an approval nobody will give. ADMIN only, audited.
import { runAction } from "@/server/action";
import { write } from "@/server/db/write";
import { audit } from "@/server/audit";
import { NotFoundError, type ActionResult } from "@/server/errors";
import { revalidate } from "@/server/revalidate";
import { bringPlanIntoForce } from "@/server/plans/in-force";
import { formDataToObject, id, z } from "@/server/validation";
import { routes } from "@/domain/routes";

const schema = z.object({
  provinceId: id("Tỉnh"),
  reviewsPlans: z.enum(["true", "false"], { error: "Chọn tỉnh có thẩm định kế hoạch của xã hay không." }).transform((v) => v === "true"),
});

export async function setProvinceReviewsPlans(_: ActionResult<unknown> | null, formData: FormData) {
  return runAction("admin.planReview.write", schema, formDataToObject(formData), async (actor, input) => {
    const result = await write(async (tx) => {
      const province = await tx.orgUnit.findUnique({ where: { id: input.provinceId }, select: { id: true, level: true, reviewsPlans: true } });
      if (!province || province.level !== "PROVINCE") throw new NotFoundError("Không tìm thấy tỉnh.");
      if (province.reviewsPlans === input.reviewsPlans) return { broughtIntoForce: 0 };
      await tx.orgUnit.update({ where: { id: province.id }, data: { reviewsPlans: input.reviewsPlans } });
      let broughtIntoForce = 0;
      if (!input.reviewsPlans) {
        // Submitted and waiting for review: issued now, so in force (a version kept for each).
        const waiting = await tx.plan.findMany({
          where: { status: "SUBMITTED", commune: { OR: [{ parentId: province.id }, { parent: { parentId: province.id } }] } },
          select: { id: true },
        });
        const now = new Date();
        for (const plan of waiting) await bringPlanIntoForce(tx, plan.id, actor.id, now);
        broughtIntoForce = waiting.length;
      }
      await audit(tx, { userId: actor.id, entity: "OrgUnit", entityId: province.id, action: "reviewsPlans", before: { reviewsPlans: province.reviewsPlans }, after: { reviewsPlans: input.reviewsPlans, broughtIntoForce } });
      return { broughtIntoForce };
    });
    revalidate(routes.planReview);
    return result;
  }, "Đã lưu cài đặt thẩm định kế hoạch.");
}

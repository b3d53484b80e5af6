"use server";

// The bands a province groups its communes' final scores into (xếp loại), edited by the unit
// that issued the set, at any stage: they group the ranking, they do not score anyone. Audited,
// with the set's version as the optimistic lock.
import type { ActionResult } from "@/server/errors";
import { UserError } from "@/server/errors";
import { audit } from "@/server/audit";
import { formDataToObject } from "@/server/validation";
import { bandsProblem, sortBands, sumMaxPoints, type Band } from "@/domain/assessment";
import type { Prisma } from "@/generated/prisma/client";
import { setAction } from "./run";
import { bandsSchema } from "./schemas";

export async function updateBands(_: ActionResult<unknown> | null, formData: FormData) {
  return setAction(bandsSchema, formDataToObject(formData), async (t, actor, set, data) => {
    if (set.version !== data.version) throw new UserError("Bộ tiêu chí vừa được người khác sửa. Tải lại trang rồi sửa lại.");
    const subs = await t.assessmentSubCriterion.findMany({ where: { criterion: { area: { setId: set.id } } }, select: { maxPoints: true } });
    const maxTotal = Math.max(100, sumMaxPoints(subs));
    const problem = bandsProblem(data.bands, maxTotal);
    if (problem) throw new UserError(problem);
    const bands = sortBands(data.bands);
    const before = set.bands as unknown as Band[];
    if (JSON.stringify(sortBands(before)) === JSON.stringify(bands)) return null;
    await t.assessmentSet.update({ where: { id: set.id }, data: { bands: bands as unknown as Prisma.InputJsonValue, version: { increment: 1 } } });
    await audit(t, { userId: actor.id, entity: "AssessmentSet", entityId: set.id, action: "bands.update", before, after: bands });
    return null;
  }, "Đã lưu các mức xếp loại.", [`/cham-diem/ket-qua/${formData.get("setId")}`]);
}

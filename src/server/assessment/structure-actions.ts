"use server";

// A draft set's criteria grown by hand: one area, criterion or sub-criterion at a time (the
// import fills a set in one go; this adds what it missed). Nothing scores a draft yet, so the
// tree is stored whole again; the set's version is the lock, and the change is audited.
import type { Prisma } from "@/generated/prisma/client";
import { audit } from "@/server/audit";
import { UserError } from "@/server/errors";
import { formDataToObject } from "@/server/validation";
import { addNode, structureWarnings } from "@/domain/assessment";
import { assertDraftSet } from "./access";
import { setAction } from "./run";
import { addNodeSchema } from "./schemas";
import { loadStructure, writeStructure } from "./structure-store";

export async function addCriteriaNode(_: unknown, formData: FormData) {
  return setAction(addNodeSchema, formDataToObject(formData), async (t, actor, set, data) => {
    assertDraftSet(set);
    if (set.version !== data.version) throw new UserError("Bộ tiêu chí vừa được người khác sửa. Tải lại trang rồi thêm lại.");
    const added = addNode(await loadStructure(t, set.id), data.node);
    if ("problem" in added) throw new UserError(added.problem);
    await writeStructure(t, set.id, added.structure);
    await t.assessmentSet.update({ where: { id: set.id }, data: { version: { increment: 1 } } });
    await audit(t, { userId: actor.id, entity: "AssessmentSet", entityId: set.id, action: "structure.add", after: data.node as unknown as Prisma.InputJsonValue });
    return { warnings: structureWarnings(added.structure) };
  }, "Đã thêm vào bộ tiêu chí.");
}

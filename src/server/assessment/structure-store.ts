// Reading and writing a criteria set's tree in one go (import, copy, amendment).
import type { Prisma } from "@/generated/prisma/client";
import type { CriteriaStructure } from "@/domain/assessment";
import { loadStructureOf } from "./set-view";

type Tx = Prisma.TransactionClient;

export async function loadStructure(tx: Tx, setId: string): Promise<CriteriaStructure> {
  const areas = await tx.assessmentArea.findMany({
    where: { setId },
    orderBy: { position: "asc" },
    include: { criteria: { orderBy: { position: "asc" }, include: { subCriteria: { orderBy: { position: "asc" } } } } },
  });
  return loadStructureOf({ areas });
}

/** Replaces the tree of a draft set (nothing scores it yet). */
export async function writeStructure(tx: Tx, setId: string, structure: CriteriaStructure): Promise<void> {
  await tx.assessmentArea.deleteMany({ where: { setId } });
  let position = 0;
  for (const a of structure.areas) {
    const area = await tx.assessmentArea.create({ data: { setId, code: a.code, title: a.title, position: position++ } });
    for (const c of a.criteria) {
      const criterion = await tx.assessmentCriterion.create({ data: { areaId: area.id, code: c.code, title: c.title, position: position++ } });
      if (!c.subCriteria.length) continue;
      await tx.assessmentSubCriterion.createMany({
        data: c.subCriteria.map((s) => ({
          criterionId: criterion.id,
          code: s.code,
          text: s.text,
          maxPoints: s.maxPoints,
          allowHalf: s.allowHalf,
          guidance: s.guidance,
          expectedEvidence: s.expectedEvidence,
          scoredBy: s.scoredBy,
          figureRule: s.figureRule ? (s.figureRule as unknown as Prisma.InputJsonValue) : undefined,
          position: position++,
        })),
      });
    }
  }
}

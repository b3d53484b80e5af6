// Loading a plan's outline from the database and writing its document order back. The tree
// and numbering rules are pure and live in src/domain/plans/outline.ts.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { Prisma as P } from "@/server/db";
import { documentOrder, outlineNodes, type OutlineNode } from "@/domain/plans/outline";
import { ROW_KIND, ROW_KINDS } from "@/domain/plans/row-kinds";

type Tx = Prisma.TransactionClient;

export async function loadOutline(tx: Tx, planId: string): Promise<OutlineNode[]> {
  const [sections, tasks, indicators] = await Promise.all([
    tx.planSection.findMany({ where: { planId }, select: { id: true, parentId: true, position: true, code: true, title: true } }),
    tx.task.findMany({ where: { planId }, select: { id: true, sectionId: true, position: true, code: true, content: true } }),
    tx.indicator.findMany({ where: { planId }, select: { id: true, sectionId: true, parentId: true, position: true, code: true, name: true } }),
  ]);
  return outlineNodes({ sections, tasks, indicators });
}

/** Writes positions 0..n-1 in document order, only for rows whose position changes. */
export async function writeDocumentOrder(tx: Tx, nodes: OutlineNode[]): Promise<void> {
  const ordered = documentOrder(nodes);
  for (const kind of ROW_KINDS) {
    const changed = ordered.map((n, position) => ({ n, position })).filter(({ n, position }) => n.kind === kind && n.stored !== position);
    if (changed.length === 0) continue;
    // One statement per table: a plan has up to a few hundred rows and the embedded
    // database pays for every round trip.
    const values = P.join(changed.map(({ n, position }) => P.sql`(${n.id}::text, ${position}::int)`));
    await tx.$executeRaw`UPDATE ${P.raw(`"${ROW_KIND[kind].entity}"`)} AS t SET "position" = v.p FROM (VALUES ${values}) AS v(id, p) WHERE t."id" = v.id`;
  }
  ordered.forEach((n, position) => {
    n.position = position;
    n.stored = position;
  });
}

// Versions of a plan in force (issue 14): the original as it came into force, then one per
// amendment (điều chỉnh), each with its rows frozen, who made it, when and why. A report knows
// the version it was judged against; the plan page and the reviewer see the history.
import type { Prisma } from "@/generated/prisma/client";
import type { PlanRowsVersion } from "@/domain/reporting/plan-version";

type Tx = Prisma.TransactionClient;

const iso = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

/** The plan's rows as a version keeps them: what targets, units and deadlines said. */
export async function planRows(tx: Tx, planId: string): Promise<PlanRowsVersion> {
  const [indicators, tasks] = await Promise.all([
    tx.indicator.findMany({
      where: { planId },
      orderBy: { position: "asc" },
      select: { id: true, code: true, name: true, measurementUnit: true, targetText: true, targetRule: true, targetValue: true, baselineValue: true },
    }),
    tx.task.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true, code: true, content: true, deadlineText: true, dueDate: true, leadUnitText: true } }),
  ]);
  return {
    indicators: indicators.map((i) => ({ ...i, targetValue: i.targetValue?.toNumber() ?? null, baselineValue: i.baselineValue?.toNumber() ?? null })),
    tasks: tasks.map((t) => ({ ...t, dueDate: iso(t.dueDate) })),
  };
}

export async function recordPlanVersion(tx: Tx, planId: string, versionNo: number, reason: string | null, userId: string | null, at: Date = new Date()) {
  const content = await planRows(tx, planId);
  await tx.planVersion.upsert({
    where: { planId_versionNo: { planId, versionNo } },
    create: { planId, versionNo, content: content as unknown as Prisma.InputJsonValue, reason, createdById: userId, createdAt: at },
    update: { content: content as unknown as Prisma.InputJsonValue, reason, createdById: userId, createdAt: at },
  });
}

// Reading plans: always through the caller's scope.
import "server-only";
import type { Actor } from "@/server/auth/actor";
import { assertCommuneInScope, communeIdsInScope } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { NotFoundError } from "@/server/errors";

export async function listPlans(actor: Actor) {
  const db = await getDb();
  const communeIds = await communeIdsInScope(actor);
  return db.plan.findMany({
    where: { communeId: { in: communeIds } },
    orderBy: [{ year: "desc" }, { commune: { name: "asc" } }, { createdAt: "asc" }],
    select: {
      id: true,
      year: true,
      kind: true,
      title: true,
      documentNumber: true,
      documentDate: true,
      documentDateText: true,
      status: true,
      isDemo: true,
      commune: { select: { id: true, name: true } },
      _count: { select: { tasks: true, indicators: true, sections: true } },
    },
  });
}

export async function getPlanDetail(actor: Actor, planId: string) {
  const db = await getDb();
  const plan = await db.plan.findUnique({
    where: { id: planId },
    include: {
      commune: { select: { id: true, name: true, parent: { select: { name: true } } } },
      sections: { orderBy: { position: "asc" } },
      tasks: {
        orderBy: { position: "asc" },
        include: { leadUnit: { select: { name: true } }, coordinatingUnits: { include: { unit: { select: { name: true } } } } },
      },
      indicators: {
        orderBy: { position: "asc" },
        include: {
          monitoringUnit: { select: { name: true } },
          implementingUnits: { include: { unit: { select: { name: true } } } },
        },
      },
    },
  });
  if (!plan) throw new NotFoundError("Không tìm thấy kế hoạch.");
  await assertCommuneInScope(actor, plan.communeId);
  return plan;
}

export type PlanDetail = Awaited<ReturnType<typeof getPlanDetail>>;

/** The commune's responsible units, for choosing a unit when importing or editing a plan. */
export async function communeUnits(actor: Actor, communeId: string) {
  await assertCommuneInScope(actor, communeId);
  const db = await getDb();
  return db.responsibleUnit.findMany({ where: { communeId, active: true, mergedIntoId: null }, orderBy: { name: "asc" }, select: { id: true, name: true, aliases: true } });
}

/** Ids of the plan's tasks and indicators that already have reported figures (never deleted). */
export async function reportedRowIds(actor: Actor, plan: { id: string; communeId: string }): Promise<Set<string>> {
  await assertCommuneInScope(actor, plan.communeId);
  const planId = plan.id;
  const db = await getDb();
  const [progress, values] = await Promise.all([
    db.taskProgress.findMany({ where: { task: { planId } }, distinct: ["taskId"], select: { taskId: true } }),
    db.indicatorValue.findMany({ where: { indicator: { planId } }, distinct: ["indicatorId"], select: { indicatorId: true } }),
  ]);
  return new Set([...progress.map((p) => p.taskId), ...values.map((v) => v.indicatorId)]);
}

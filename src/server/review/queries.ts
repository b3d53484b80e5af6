// What a reviewer sees: every commune under their unit, with plans and quarterly reports.
import type { Actor } from "@/server/auth/actor";
import { communeIdsInScope } from "@/server/auth/guard";
import { getDb } from "@/server/db";

export async function reviewOverview(actor: Actor, year: number) {
  const db = await getDb();
  const communeIds = await communeIdsInScope(actor);
  const [communes, plans, reports] = await Promise.all([
    db.orgUnit.findMany({
      where: { id: { in: communeIds } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, parent: { select: { name: true, level: true } } },
    }),
    db.plan.findMany({
      where: { communeId: { in: communeIds }, year },
      select: { id: true, communeId: true, title: true, status: true, submittedAt: true },
    }),
    db.quarterlyReport.findMany({
      where: { communeId: { in: communeIds }, period: { year } },
      select: { id: true, communeId: true, status: true, submittedAt: true, period: { select: { quarter: true } } },
    }),
  ]);
  return communes.map((c) => ({
    ...c,
    plans: plans.filter((p) => p.communeId === c.id),
    reports: Object.fromEntries(reports.filter((r) => r.communeId === c.id).map((r) => [r.period.quarter, r])) as Record<number, (typeof reports)[number]>,
  }));
}

export async function yearsWithPlans(communeIds: string[]): Promise<number[]> {
  const db = await getDb();
  const rows = await db.plan.findMany({ where: { communeId: { in: communeIds } }, distinct: ["year"], select: { year: true }, orderBy: { year: "desc" } });
  return rows.map((r) => r.year);
}

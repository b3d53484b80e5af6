// Versions of a plan in force (issue 14): the original as it came into force, then one per
// amendment (điều chỉnh), each with its rows frozen, who made it, when and why. A report knows
// the version it was judged against; the plan page and the reviewer see the history.
import type { Prisma } from "@/generated/prisma/client";
import { planRowChanges, type PlanRowsVersion } from "@/domain/reporting/plan-version";
import { getDb } from "@/server/db";

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

/**
 * The plan's history as people read it: each version that came into force (with what its
 * amendment changed, before → after) and the edits made to the plan's rows. The caller has
 * authorized reading the plan.
 */
export async function planHistory(planId: string) {
  const db = await getDb();
  const [versions, rows] = await Promise.all([
    db.planVersion.findMany({ where: { planId }, orderBy: { versionNo: "asc" } }),
    Promise.all([db.indicator.findMany({ where: { planId }, select: { id: true } }), db.task.findMany({ where: { planId }, select: { id: true } }), db.planSection.findMany({ where: { planId }, select: { id: true } })]),
  ]);
  const ids = [planId, ...rows.flat().map((r) => r.id)];
  const edits = await db.auditLog.findMany({
    where: { entityId: { in: ids }, entity: { in: ["Plan", "Indicator", "Task", "PlanSection"] } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { createdAt: true, entity: true, action: true, before: true, after: true, user: { select: { fullName: true } } },
  });
  const users = await db.user.findMany({ where: { id: { in: versions.map((v) => v.createdById).filter(Boolean) as string[] } }, select: { id: true, fullName: true } });
  const nameOf = new Map(users.map((u) => [u.id, u.fullName]));
  return {
    versions: versions.map((v, i) => ({
      versionNo: v.versionNo,
      at: v.createdAt.toISOString(),
      by: v.createdById ? (nameOf.get(v.createdById) ?? null) : null,
      reason: v.reason,
      changes: i === 0 ? [] : planRowChanges(versions[i - 1].content as unknown as PlanRowsVersion, v.content as unknown as PlanRowsVersion),
    })),
    edits: edits.map((e) => ({
      at: e.createdAt.toISOString(),
      by: e.user?.fullName ?? "Hệ thống",
      entity: e.entity,
      action: e.action,
      label: rowLabel(e.after ?? e.before),
    })),
  };
}

function rowLabel(value: unknown): string {
  if (!value || typeof value !== "object") return "";
  const v = value as Record<string, unknown>;
  const code = typeof v.code === "string" ? `${v.code} ` : "";
  const name = [v.name, v.content, v.title].find((x) => typeof x === "string") as string | undefined;
  return `${code}${name ?? ""}`.replace(/\s+/g, " ").trim().slice(0, 100);
}

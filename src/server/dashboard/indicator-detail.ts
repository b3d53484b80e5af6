// One indicator across the year: each quarter's figures, notes, evidence and history.
import "server-only";
import type { Actor } from "@/server/auth/actor";
import { assertCommuneInScope } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { NotFoundError } from "@/server/errors";

const num = (d: { toNumber(): number } | null) => (d === null ? null : d.toNumber());

export async function loadIndicatorDetail(actor: Actor, indicatorId: string) {
  const db = await getDb();
  const ind = await db.indicator.findUnique({
    where: { id: indicatorId },
    include: { plan: { select: { id: true, title: true, year: true, communeId: true } }, monitoringUnit: { select: { name: true } } },
  });
  if (!ind) throw new NotFoundError("Không tìm thấy chỉ tiêu.");
  await assertCommuneInScope(actor, ind.plan.communeId);
  const values = await db.indicatorValue.findMany({
    where: { indicatorId },
    orderBy: { period: { quarter: "asc" } },
    include: { period: true, report: { select: { status: true } }, evidence: { orderBy: { createdAt: "asc" } } },
  });
  const audit = await db.auditLog.findMany({
    where: { entity: "IndicatorValue", entityId: { in: values.map((v) => v.id) } },
    orderBy: { createdAt: "desc" },
    include: { user: { select: { fullName: true } } },
  });
  return {
    indicator: {
      ...ind,
      targetValue: num(ind.targetValue),
      baselineValue: num(ind.baselineValue),
    },
    quarters: values.map((v) => ({
      id: v.id,
      quarter: v.period.quarter as 1 | 2 | 3 | 4,
      numerator: num(v.numerator),
      denominator: num(v.denominator),
      value: num(v.value),
      done: v.done,
      note: v.note,
      isDemo: v.isDemo,
      reportStatus: v.report.status,
      evidence: v.evidence,
      history: audit.filter((a) => a.entityId === v.id),
    })),
  };
}

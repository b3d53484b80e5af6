// The final appraised score becomes the value of the plan's PAR Index indicator for the year
// (quarter IV), marked as coming from the appraisal. Issue 14's rule holds: a quarter IV report
// on file (submitted or approved) is a record and keeps its snapshot; only the live figure
// changes, and the report shows that change ("đã thay đổi sau khi duyệt"), named as the
// appraisal's. A report still open takes the score as a save would: versioned and audited.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import { audit } from "@/server/audit";
import { ConflictError } from "@/server/errors";
import { ensurePeriod } from "@/server/reports/periods";
import { FROZEN_STATES } from "@/server/reports/fetch";

type Tx = Prisma.TransactionClient;

export interface ParFeed {
  indicatorId: string;
  /** Status of the quarter IV report the figure belongs to; "APPROVED"/"SUBMITTED" mean the record kept its snapshot. */
  reportStatus: string;
}

const num = (d: { toNumber(): number } | null) => (d === null ? null : d.toNumber());

export async function feedParIndicator(t: Tx, actor: Actor, a: { id: string; communeId: string }, year: number, total: number, setTitle: string): Promise<ParFeed | null> {
  const indicator = await t.indicator.findFirst({ where: { group: "PAR_INDEX", parentId: null, plan: { communeId: a.communeId, year } }, orderBy: [{ plan: { createdAt: "asc" } }, { position: "asc" }] });
  if (!indicator) return null;
  const period = await ensurePeriod(t, year, 4);
  const created =
    (await t.quarterlyReport.findUnique({ where: { communeId_periodId: { communeId: a.communeId, periodId: period.id } } })) ??
    (await t.quarterlyReport.create({ data: { communeId: a.communeId, periodId: period.id } }));
  // Lock the report as a save does, so a submission cannot freeze it halfway through this write.
  await t.$queryRaw`select id from "QuarterlyReport" where id = ${created.id} for update`;
  const report = await t.quarterlyReport.findUniqueOrThrow({ where: { id: created.id } });
  const onFile = FROZEN_STATES.has(report.status);

  const existing = await t.indicatorValue.findUnique({ where: { indicatorId_periodId: { indicatorId: indicator.id, periodId: period.id } } });
  // On a report on file the commune's own explanation stays as it was; the source is the column.
  const note = onFile ? (existing?.note ?? null) : `Điểm chính thức theo kết quả thẩm định Chỉ số CCHC năm ${year} (${setTitle}).`;
  const next = { value: total, note, fromAssessmentId: a.id };
  const base = { userId: actor.id, communeId: a.communeId, entity: "IndicatorValue", action: "assessment.final" };
  const context = { reportStatus: report.status, assessmentId: a.id };
  if (existing) {
    const before = { value: num(existing.value), note: existing.note, fromAssessmentId: existing.fromAssessmentId };
    if (JSON.stringify(before) === JSON.stringify(next)) return { indicatorId: indicator.id, reportStatus: report.status };
    const updated = await t.indicatorValue.updateMany({
      where: { id: existing.id, version: existing.version },
      data: { ...next, numerator: null, denominator: null, done: null, isDemo: false, version: { increment: 1 }, updatedById: actor.id },
    });
    if (updated.count !== 1) throw new ConflictError("Số liệu Chỉ số CCHC của xã vừa được người khác lưu. Vui lòng thử lại.");
    await audit(t, { ...base, entityId: existing.id, before, after: { ...next, ...context } });
  } else {
    const value = await t.indicatorValue.create({ data: { indicatorId: indicator.id, periodId: period.id, reportId: report.id, ...next, updatedById: actor.id } });
    await audit(t, { ...base, entityId: value.id, before: null, after: { ...next, ...context } });
  }
  return { indicatorId: indicator.id, reportStatus: report.status };
}

// Freezing a quarterly report when it is submitted: what it says from then on (figures of every
// quarter it adds up, targets, task progress, explanations, evidence list) is read from here,
// not from the live rows, while it waits for review and once approved. Returning or reopening
// lets the commune edit the live rows again; the next submission freezes a new snapshot.
import type { Prisma } from "@/generated/prisma/client";
import { calendarFor } from "@/server/calendar/queries";
import { loadLiveReportForSnapshot, type FrozenReport } from "./fetch";

type Tx = Prisma.TransactionClient;

/** Called inside the submit transaction, after the report row is locked and moved to SUBMITTED. */
export async function takeReportSnapshot(tx: Tx, reportId: string, actorId: string | null, at: Date) {
  const report = await tx.quarterlyReport.findUniqueOrThrow({ where: { id: reportId }, select: { communeId: true, period: { select: { year: true, quarter: true } } } });
  const data = await loadLiveReportForSnapshot(tx, report.communeId, report.period.year, report.period.quarter);
  // The row history is the audit trail: it is read live, never frozen.
  const frozen: FrozenReport = {
    plans: data.plans.map((p) => ({
      ...p,
      indicators: p.indicators.map((i) => ({ ...i, history: [] })),
      tasks: p.tasks.map((t) => ({ ...t, history: [] })),
    })),
    units: data.units,
    // The data cut-off date printed on the report, as the calendar said when it was submitted.
    cutoffDate: (await calendarFor([report.communeId], [report.period.year], tx)).deadline(report.communeId, report.period.year, report.period.quarter).cutoffDate,
  };
  const planVersions = Object.fromEntries(data.plans.map((p) => [p.id, p.versionNo]));
  await tx.reportSnapshot.create({
    data: { reportId, takenAt: at, takenById: actorId, data: frozen as unknown as Prisma.InputJsonValue, planVersions },
  });
}

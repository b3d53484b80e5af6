// Which report a commune user may write, and whether it is still open for changes.
// Shared by the figure save, the submit, and evidence uploads.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import { UserError } from "@/server/errors";
import { ownCommuneOf } from "@/server/auth/guard";
import { isEditable, type SubmissionStatus } from "@/domain/reporting/workflow";
import { quarterLabel } from "@/domain/format";
import { checkPeriod, ensurePeriod } from "./periods";

type Tx = Prisma.TransactionClient;


/** The quarter's report, created as a draft on first write; refuses when it is locked. */
export async function editableReport(tx: Tx, actor: Actor, year: number, quarter: number) {
  const communeId = ownCommuneOf(actor, "report.write");
  checkPeriod(year, quarter);
  // Almost always the report exists: found, locked and read fresh in one statement (issue 21:
  // this was four round trips per save). In READ COMMITTED, a lock that waited for a submit
  // returns the row as that submit left it, so the status checked below is the current one.
  const [locked] = await tx.$queryRaw<LockedReport[]>`
    select r."id", r."communeId", r."periodId", r."status"::text as "status"
      from "QuarterlyReport" r join "ReportingPeriod" p on p."id" = r."periodId"
     where r."communeId" = ${communeId} and p."year" = ${year} and p."quarter" = ${quarter}
       for update of r`;
  const fresh = locked ?? (await createAndLock(tx, communeId, year, quarter));
  if (!isEditable(fresh.status)) {
    throw new UserError(
      fresh.status === "APPROVED"
        ? `Báo cáo ${quarterLabel(quarter)} năm ${year} đã được duyệt, không thể sửa.`
        : `Báo cáo ${quarterLabel(quarter)} năm ${year} đã nộp, đang chờ xét duyệt: không thể sửa.`,
    );
  }
  return { report: { id: fresh.id, communeId: fresh.communeId, status: fresh.status }, period: { id: fresh.periodId, year, quarter }, communeId };
}

interface LockedReport {
  id: string;
  communeId: string;
  periodId: string;
  status: SubmissionStatus;
}

/** A quarter's first write: its period and report are created (two first writes collide on a unique key and the loser runs again, see write()). */
async function createAndLock(tx: Tx, communeId: string, year: number, quarter: number): Promise<LockedReport> {
  const period = await ensurePeriod(tx, year, quarter);
  const report =
    (await tx.quarterlyReport.findUnique({ where: { communeId_periodId: { communeId, periodId: period.id } } })) ??
    (await tx.quarterlyReport.create({ data: { communeId, periodId: period.id } }));
  // Lock the report row so a submit cannot slip in between these checks and the writes.
  await tx.$queryRaw`select id from "QuarterlyReport" where id = ${report.id} for update`;
  return tx.quarterlyReport.findUniqueOrThrow({ where: { id: report.id }, select: { id: true, communeId: true, periodId: true, status: true } });
}

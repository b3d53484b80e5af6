// Which report a commune user may write, and whether it is still open for changes.
// Shared by the figure save, the submit, and evidence uploads.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import { UserError } from "@/server/errors";
import { ownCommuneOf } from "@/server/auth/guard";
import { isEditable } from "@/domain/reporting/workflow";
import { quarterLabel } from "@/domain/format";
import { ensurePeriod } from "./periods";

type Tx = Prisma.TransactionClient;


/** The quarter's report, created as a draft on first write; refuses when it is locked. */
export async function editableReport(tx: Tx, actor: Actor, year: number, quarter: number) {
  const communeId = ownCommuneOf(actor, "report.write");
  const period = await ensurePeriod(tx, year, quarter);
  const report =
    (await tx.quarterlyReport.findUnique({ where: { communeId_periodId: { communeId, periodId: period.id } } })) ??
    (await tx.quarterlyReport.create({ data: { communeId, periodId: period.id } }));
  // Lock the report row so a submit cannot slip in between these checks and the writes.
  await tx.$queryRaw`select id from "QuarterlyReport" where id = ${report.id} for update`;
  const fresh = await tx.quarterlyReport.findUniqueOrThrow({ where: { id: report.id } });
  if (!isEditable(fresh.status)) {
    throw new UserError(
      fresh.status === "APPROVED"
        ? `Báo cáo ${quarterLabel(quarter)} năm ${year} đã được duyệt, không thể sửa.`
        : `Báo cáo ${quarterLabel(quarter)} năm ${year} đã nộp, đang chờ xét duyệt: không thể sửa.`,
    );
  }
  return { report: fresh, period, communeId };
}


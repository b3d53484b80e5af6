// Reporting periods are created on first use: one row per (year, quarter).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { UserError } from "@/server/errors";
import { isQuarter, isYear } from "@/domain/period";

type Tx = Prisma.TransactionClient;

export function checkPeriod(year: number, quarter: number): void {
  if (!isYear(year)) throw new UserError("Năm báo cáo không hợp lệ.");
  if (!isQuarter(quarter)) throw new UserError("Quý báo cáo phải từ I đến IV.");
}

export async function ensurePeriod(tx: Tx, year: number, quarter: number) {
  checkPeriod(year, quarter);
  // Read first: the period almost always exists, and an upsert costs three statements.
  return (
    (await tx.reportingPeriod.findUnique({ where: { year_quarter: { year, quarter } } })) ??
    tx.reportingPeriod.upsert({ where: { year_quarter: { year, quarter } }, update: {}, create: { year, quarter } })
  );
}

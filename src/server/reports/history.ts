// Reading a report row's change history (the audit trail) for the history panel and for
// "khôi phục". Kept out of the action module: endpoint modules touch audit entries only
// through audit() (tests/integration/audit-append-only.test.ts).
import "server-only";
import { getDb } from "@/server/db";
import { NotFoundError } from "@/server/errors";

/** Entries shown per row, newest first (as the page showed before it loaded them on demand). */
const HISTORY_LIMIT = 10;

export interface RowHistoryItem {
  id: string;
  at: string;
  by: string;
  action: string;
  before: unknown;
  after: unknown;
}

export /** The stored row of `rowId` in the quarter, if the caller's commune owns it. */
async function ownRow(communeId: string, kind: "indicator" | "task", rowId: string, year: number, quarter: number) {
  const db = await getDb();
  const where = { period: { year, quarter } };
  const row =
    kind === "indicator"
      ? await db.indicatorValue.findFirst({ where: { ...where, indicatorId: rowId }, select: { id: true, version: true, indicator: { select: { plan: { select: { communeId: true } } } } } })
      : await db.taskProgress.findFirst({ where: { ...where, taskId: rowId }, select: { id: true, version: true, task: { select: { plan: { select: { communeId: true } } } } } });
  if (!row) return null;
  const owner = "indicator" in row ? row.indicator.plan.communeId : row.task.plan.communeId;
  if (owner !== communeId) throw new NotFoundError("Không tìm thấy dòng này trong báo cáo của xã bạn.");
  return { id: row.id, version: row.version };
}

/** The row's latest entries, newest first. */
export async function readRowHistory(entityId: string): Promise<RowHistoryItem[]> {
  const db = await getDb();
  const entries = await db.auditLog.findMany({
    where: { entityId },
    orderBy: { createdAt: "desc" },
    take: HISTORY_LIMIT,
    select: { id: true, createdAt: true, action: true, before: true, after: true, user: { select: { fullName: true } } },
  });
  return entries.map((a) => ({ id: a.id, at: a.createdAt.toISOString(), by: a.user?.fullName ?? "Hệ thống", action: a.action, before: a.before, after: a.after }));
}

/** One entry of the row's history (null when it is not this row's). */
export async function historyEntry(entityId: string, auditId: string) {
  const db = await getDb();
  return db.auditLog.findFirst({ where: { id: auditId, entityId }, select: { after: true } });
}

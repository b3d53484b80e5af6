// Reading what a report row's panel shows when opened: its change history (the audit trail),
// also for "khôi phục", and its evidence list. Kept out of the action module: endpoint modules touch audit entries only
// through audit() (tests/integration/audit-append-only.test.ts).
import "server-only";
import { getDb } from "@/server/db";
import { NotFoundError } from "@/server/errors";
import { FROZEN_STATES, latestSnapshots } from "./frozen";
import { evidenceItem, type EvidenceItem } from "./fetch-shape";
import type { FrozenReport } from "./fetch";

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

/**
 * The row's evidence as its report shows it: from the snapshot when the report is on file
 * (issue 14: a submitted report says what it said then), else the live list. Empty when the
 * row has no stored figure or progress (evidence hangs on one).
 */
export async function readRowEvidence(communeId: string, kind: "indicator" | "task", rowId: string, year: number, quarter: number): Promise<EvidenceItem[]> {
  const row = await ownRow(communeId, kind, rowId, year, quarter);
  if (!row) return [];
  const db = await getDb();
  const report = await db.quarterlyReport.findFirst({ where: { communeId, period: { year, quarter } }, select: { id: true, status: true } });
  const snapshot = report && FROZEN_STATES.has(report.status) ? (await latestSnapshots(db, [report.id])).get(report.id) : undefined;
  if (snapshot) {
    const plans = (snapshot.data as unknown as FrozenReport).plans;
    const rows: { id: string; evidence: EvidenceItem[] }[] = plans.flatMap((p): { id: string; evidence: EvidenceItem[] }[] => (kind === "indicator" ? p.indicators : p.tasks));
    return rows.find((r) => r.id === rowId)?.evidence ?? [];
  }
  const evidence = await db.evidence.findMany({ where: kind === "indicator" ? { indicatorValueId: row.id } : { taskProgressId: row.id }, orderBy: { createdAt: "asc" } });
  return evidence.map(evidenceItem);
}

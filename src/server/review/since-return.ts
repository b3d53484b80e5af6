// Issue 17: what a commune changed in a report since the reviewer returned it (or reopened it),
// so the reviewer reads the corrections rather than the whole report again. Both sides are
// frozen snapshots: the one taken at the submission that was returned, and the current one.
import "server-only";
import { getDb } from "@/server/db";
import type { DecisionHistory } from "@/server/review/queries";
import { changesByRow, snapshotChanges, type FrozenPlan, type SnapshotChange } from "@/domain/reporting/snapshot";

export interface SinceReturn {
  /** When the report was sent back, and by whom. */
  returnedAt: string;
  returnedBy: string;
  /** The comments the reviewer left on rows when returning it, by row id. */
  rowComments: Record<string, string>;
  changes: SnapshotChange[];
  byRow: Record<string, SnapshotChange[]>;
}

/**
 * The changes since the latest return, for a report whose scope the caller has checked and that
 * is on file again (resubmitted). Null when the report was never returned, or not resubmitted since.
 * After a return exactly one submission can follow before the next decision, so the snapshot
 * in force when it was returned is the one just before the current snapshot.
 */
export async function changesSinceReturn(report: { id: string; status: string; quarter: number }, decisions: DecisionHistory, current: FrozenPlan[]): Promise<SinceReturn | null> {
  if (report.status !== "SUBMITTED" && report.status !== "APPROVED") return null;
  const returnedAt = decisions.findIndex((d) => d.action === "return" || d.action === "reopen");
  if (returnedAt <= 0 || !decisions.slice(0, returnedAt).some((d) => d.action === "submit")) return null;
  const db = await getDb();
  const previous = await db.reportSnapshot.findFirst({ where: { reportId: report.id }, orderBy: { takenAt: "desc" }, skip: 1, select: { data: true } });
  if (!previous) return null;
  const before = (previous.data as unknown as { plans: FrozenPlan[] }).plans;
  const changes = snapshotChanges(before, current, report.quarter, { evidence: true });
  const decision = decisions[returnedAt];
  const rowComments: Record<string, string> = {};
  for (const r of decision.rowComments) {
    const key = r.indicatorId ?? r.taskId;
    if (key) rowComments[key] = r.comment;
  }
  return { returnedAt: decision.at, returnedBy: decision.by, rowComments, changes, byRow: changesByRow(changes) };
}

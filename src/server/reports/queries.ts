// Everything the quarterly report page shows, in a fixed number of queries whatever the
// number of rows (or of communes), for a caller whose scope is checked here. The reading
// itself is in ./fetch.
import "server-only";
import type { Actor } from "@/server/auth/actor";
import { assertCommuneInScope, communeIdsInScope } from "@/server/auth/guard";
import { ForbiddenError } from "@/server/errors";
import { checkPeriod } from "./periods";
import { fetchReports } from "./fetch";

export { FROZEN_STATES, loadLiveReportForSnapshot, type EvidenceItem, type FrozenReport, type HistoryItem, type ReportSnapshotInfo } from "./fetch";

/**
 * `details: false` leaves out evidence, row history and decisions (empty lists, same shape):
 * the dashboard shows none of them, and the row history is the heaviest read of the page.
 * `history: false` leaves out only the row history: the commune's page loads a row's history
 * when its panel is opened.
 */
export async function loadReport(actor: Actor, communeId: string, year: number, quarter: number, options: { details?: boolean; history?: boolean; evidenceCounts?: boolean } = {}) {
  checkPeriod(year, quarter);
  await assertCommuneInScope(actor, communeId);
  const [data] = await fetchReports([communeId], year, quarter, options.details ?? true, { history: options.history, evidenceCounts: options.evidenceCounts });
  return data;
}

/**
 * The reports of several communes for one quarter, without evidence, row history and decisions:
 * what a reviewer's combined workbook needs, in the same fixed number of queries as one report.
 */
export async function loadReportSummaries(actor: Actor, communeIds: string[], year: number, quarter: number) {
  checkPeriod(year, quarter);
  const scope = new Set(await communeIdsInScope(actor));
  if (communeIds.some((id) => !scope.has(id))) throw new ForbiddenError("Xã này không thuộc đơn vị bạn phụ trách.");
  return fetchReports(communeIds, year, quarter, false);
}

export type ReportData = Awaited<ReturnType<typeof loadReport>>;
export type ReportIndicator = ReportData["plans"][number]["indicators"][number];
export type ReportTask = ReportData["plans"][number]["tasks"][number];

// GET /api/xet-duyet/xlsx?nam=&quy=: one row per commune under the reviewer's unit.
import { communeIdsInScope, requireActor } from "@/server/auth/guard";
import { loadDashboards } from "@/server/dashboard/queries";
import { choosePeriod } from "@/server/reports/period-choice";
import { download, fileBase, refusal, XLSX_TYPE } from "@/server/documents/http";
import { reviewWorkbook } from "@/server/documents/report-xlsx";

export async function GET(request: Request) {
  try {
    const actor = await requireActor("review.read");
    const url = new URL(request.url);
    const ids = await communeIdsInScope(actor);
    const { year, quarter, today } = await choosePeriod(ids, url.searchParams);
    const communes = await loadDashboards(actor, ids, year, quarter, today);
    // In name order, as the reviewer's list shows them.
    communes.sort((a, b) => a.dashboard.commune.name.localeCompare(b.dashboard.commune.name, "vi"));
    const body = await reviewWorkbook({ unitName: actor.orgUnitName, year, quarter, today, communes });
    return download(body, `${fileBase("tong-hop", actor.orgUnitName, year, quarter)}.xlsx`, XLSX_TYPE);
  } catch (error) {
    return refusal(error);
  }
}

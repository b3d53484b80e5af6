import { requireActor } from "@/server/auth/guard";
import { loadDashboard } from "@/server/dashboard/queries";
import { dashboardWorkbook } from "@/server/dashboard/export-xlsx";
import { choosePeriod } from "@/server/reports/period-choice";
import { download, refusal, XLSX_TYPE } from "@/server/documents/http";
import { foldText } from "@/domain/text";

export async function GET(request: Request) {
  try {
    // dashboard.read is the commune's own users' (the policy refuses everyone else).
    const actor = await requireActor("dashboard.read");
    const url = new URL(request.url);
    const { year, quarter, today } = await choosePeriod([actor.orgUnitId], url.searchParams);
    const dashboard = await loadDashboard(actor, actor.orgUnitId, year, quarter, today);
    const body = await dashboardWorkbook(dashboard);
    const name = `tong-quan-${foldText(dashboard.commune.name).replace(/[^a-z0-9]+/g, "-")}-${year}-quy-${quarter}.xlsx`;
    return download(body, name, XLSX_TYPE);
  } catch (error) {
    return refusal(error);
  }
}

import { requireActor } from "@/server/auth/guard";
import { loadDashboard } from "@/server/dashboard/queries";
import { dashboardWorkbook } from "@/server/dashboard/export-xlsx";
import { choosePeriod } from "@/server/reports/period-choice";
import { UserError } from "@/server/errors";
import { UnauthenticatedError } from "@/server/auth/guard";
import { foldText } from "@/domain/text";

export async function GET(request: Request) {
  try {
    const actor = await requireActor("dashboard.read");
    if (actor.orgLevel !== "COMMUNE") return new Response("Chỉ xuất được bảng tổng quan của xã.", { status: 403 });
    const url = new URL(request.url);
    const { year, quarter, today } = await choosePeriod([actor.orgUnitId], { nam: url.searchParams.get("nam") ?? undefined, quy: url.searchParams.get("quy") ?? undefined });
    const dashboard = await loadDashboard(actor, actor.orgUnitId, year, quarter, today);
    const body = await dashboardWorkbook(dashboard);
    const name = `tong-quan-${foldText(dashboard.commune.name).replace(/[^a-z0-9]+/g, "-")}-${year}-quy-${quarter}.xlsx`;
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof UnauthenticatedError) return new Response(error.message, { status: 401 });
    if (error instanceof UserError) return new Response(error.message, { status: 403 });
    throw error;
  }
}

import ExcelJS from "exceljs";
import { requireActor, UnauthenticatedError } from "@/server/auth/guard";
import { yearsInScope } from "@/server/review/queries";
import { loadComparison } from "@/server/review/comparison";
import { comparisonChoice } from "@/server/review/comparison-params";
import { UserError } from "@/server/errors";
import { STATUS_LABEL } from "@/domain/evaluation/status";
import { isPercentFigure, resultCell } from "@/domain/evaluation/display";
import { formatDate, quarterLabel, todayInVietnam } from "@/domain/format";

export async function GET(request: Request) {
  try {
    const actor = await requireActor("review.read");
    const url = new URL(request.url);
    const years = await yearsInScope(actor);
    const choice = comparisonChoice(
      { nam: url.searchParams.get("nam") ?? undefined, quy: url.searchParams.get("quy") ?? undefined, nhom: url.searchParams.get("nhom") ?? undefined, ct: url.searchParams.getAll("ct") },
      years,
    );
    const c = await loadComparison(actor, choice.year, choice.quarter, { group: choice.group, keys: choice.keys });
    const names = new Map(c.communes.map((x) => [x.id, x.name]));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("So sánh", { pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    const width = 3 + c.selected.length * 2;
    for (const [i, text] of [
      "SO SÁNH KẾT QUẢ THỰC HIỆN CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH CÁC XÃ",
      actor.orgUnitName,
      `Năm ${choice.year} – lũy kế đến hết ${quarterLabel(choice.quarter)} – ngày xuất ${formatDate(todayInVietnam())}`,
    ].entries()) {
      const row = ws.addRow([text]);
      ws.mergeCells(row.number, 1, row.number, width);
      row.font = { bold: i === 0, size: i === 0 ? 13 : 11 };
      row.alignment = { horizontal: "center" };
    }
    ws.addRow([]);
    const header = ws.addRow(["Hạng", "Xã", "Tỷ lệ chỉ tiêu đạt", ...c.selected.flatMap((s) => [s.name, "Trạng thái"])]);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: "middle" };
    const percentCols = c.selected.map((s) => isPercentFigure(s.sample));
    c.rows.forEach((r, i) => {
      const row = ws.addRow([
        r.share === null ? null : i + 1,
        names.get(r.communeId),
        r.share,
        ...c.selected.flatMap((s) => {
          const cell = r.cells[s.key];
          return cell ? [resultCell(cell), STATUS_LABEL[cell.status]] : ["không có", ""];
        }),
      ]);
      row.getCell(3).numFmt = '0.0"%"';
      percentCols.forEach((p, j) => (row.getCell(4 + j * 2).numFmt = p ? '0.0"%"' : "#,##0.##"));
    });
    const total = ws.addRow(["", "Toàn đơn vị (tổng tử số / tổng mẫu số)", null, ...c.selected.flatMap((s) => [c.totals[s.key]?.value ?? null, ""])]);
    total.font = { bold: true };
    percentCols.forEach((_, j) => (total.getCell(4 + j * 2).numFmt = '0.0"%"'));
    ws.getColumn(2).width = 28;
    ws.getColumn(3).width = 12;
    for (let j = 0; j < c.selected.length; j++) {
      ws.getColumn(4 + j * 2).width = 22;
      ws.getColumn(5 + j * 2).width = 14;
    }
    const body = await wb.xlsx.writeBuffer();
    return new Response(new Uint8Array(body as ArrayBuffer), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="so-sanh-cac-xa-${choice.year}-quy-${choice.quarter}.xlsx"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof UnauthenticatedError) return new Response(error.message, { status: 401 });
    if (error instanceof UserError) return new Response(error.message, { status: 403 });
    throw error;
  }
}

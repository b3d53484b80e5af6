// The dashboard as an Excel workbook: same figures, Vietnamese headers, real number formats.
import "server-only";
import ExcelJS from "exceljs";
import type { Dashboard } from "./queries";
import { INDICATOR_GROUP_LABEL } from "@/domain/labels";
import { STATUS_LABEL } from "@/domain/evaluation/status";
import { isPercentFigure, quarterCell, targetText, taskStatusText, ytdCell } from "@/domain/evaluation/display";
import { formatDate, quarterLabel } from "@/domain/format";
import { addSheet, DATE, headerRow as header, INTEGER, newWorkbook, numberFormat, PERCENT, setWidths, titleRows as sharedTitleRows, workbookBuffer } from "@/server/documents/xlsx-style";

function titleRows(ws: ExcelJS.Worksheet, d: Dashboard, title: string, width: number) {
  const commune = `${d.commune.name}${d.commune.parent ? ` – ${d.commune.parent.name}` : ""}`;
  sharedTitleRows(ws, [title, commune, `Năm ${d.year} – số liệu lũy kế đến hết ${quarterLabel(d.asOf)}`, `Ngày xuất: ${formatDate(d.today)}`], width);
}

export const INDICATOR_COLUMNS = ["STT", "Nhóm chỉ số", "Chỉ tiêu", "Chỉ tiêu năm (theo văn bản)", "Cách hiểu", "Quý I", "Quý II", "Quý III", "Quý IV", "Lũy kế", "Tổng tử số", "Tổng mẫu số", "Trạng thái", "Giải thích", "Đơn vị phụ trách", "Ghi chú, nguyên nhân (quý báo cáo)"];

/** The evaluated indicators as a table: shared by the dashboard export and the report workbook's group sheets. */
export function writeIndicatorTable(ws: ExcelJS.Worksheet, indicators: Dashboard["indicators"], asOf: number): void {
  header(ws, INDICATOR_COLUMNS);
  for (const ind of indicators) {
    const percent = isPercentFigure(ind);
    const ytd = ind.result.ytd;
    const perQuarter = [1, 2, 3, 4].map((q) => quarterCell(ind, q <= asOf ? ind.quarters.find((v) => v.quarter === q) : undefined));
    const row = ws.addRow([
      ind.code ?? "",
      INDICATOR_GROUP_LABEL[ind.group],
      ind.name,
      ind.targetText ?? "",
      targetText(ind),
      ...perQuarter,
      ytdCell(ytd),
      ytd.numerator,
      ytd.denominator,
      STATUS_LABEL[ind.status],
      ind.result.reason,
      ind.ownerUnitName ?? "",
      ind.current?.note ?? "",
    ]);
    for (let c = 6; c <= 10; c++) {
      const v = row.getCell(c).value;
      if (typeof v === "number") row.getCell(c).numFmt = percent ? PERCENT : numberFormat(v);
    }
    // Numerators and denominators are counts of records.
    row.getCell(11).numFmt = INTEGER;
    row.getCell(12).numFmt = INTEGER;
    row.alignment = { wrapText: true, vertical: "top" };
  }
  setWidths(ws, [8, 18, 50, 28, 22, 9, 9, 9, 9, 10, 10, 10, 14, 40, 28, 40]);
}

export async function dashboardWorkbook(d: Dashboard): Promise<Buffer> {
  const wb = newWorkbook();

  const ws = addSheet(wb, "Chỉ tiêu");
  titleRows(ws, d, "BẢNG THEO DÕI CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH", INDICATOR_COLUMNS.length);
  writeIndicatorTable(ws, d.indicators, d.asOf);

  const units = wb.addWorksheet("Theo đơn vị");
  const unitCols = ["Đơn vị", "Chỉ tiêu theo dõi", "Đạt", "Có nguy cơ", "Chưa đạt", "Chưa có số liệu", "Nhiệm vụ chủ trì", "Hoàn thành", "Quá hạn"];
  titleRows(units, d, "TRÁCH NHIỆM THEO ĐƠN VỊ", unitCols.length);
  header(units, unitCols);
  for (const u of d.byUnit) units.addRow([u.unitName, u.indicators, u.achieved, u.atRisk, u.notAchieved, u.noData, u.tasks, u.tasksDone, u.overdue]);
  units.getColumn(1).width = 45;

  const tasks = wb.addWorksheet("Nhiệm vụ quá hạn");
  const taskCols = ["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Ngày hạn", "Tiến độ"];
  titleRows(tasks, d, "NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH", taskCols.length);
  header(tasks, taskCols);
  for (const t of d.tasks.overdue) {
    const row = tasks.addRow([t.code ?? "", t.content, t.leadUnitName ?? "", t.deadlineText ?? "", t.dueDate ? new Date(`${t.dueDate}T00:00:00Z`) : null, taskStatusText(t.status)]);
    row.getCell(5).numFmt = DATE;
    row.alignment = { wrapText: true, vertical: "top" };
  }
  [8, 70, 30, 22, 12, 18].forEach((w, i) => (tasks.getColumn(i + 1).width = w));

  return workbookBuffer(wb);
}

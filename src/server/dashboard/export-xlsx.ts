// The dashboard as an Excel workbook: same figures, Vietnamese headers, real number formats.
import ExcelJS from "exceljs";
import type { Dashboard } from "./queries";
import { INDICATOR_GROUP_LABEL } from "@/domain/labels";
import { describeTarget, STATUS_LABEL } from "@/domain/evaluation/status";
import { quarterDisplayValue } from "@/domain/evaluation/year-to-date";
import { TASK_STATUS_LABEL, type TaskStatus } from "@/domain/evaluation/tasks";
import { entryInputFor } from "@/domain/reporting/entry";
import { formatDate, quarterLabel } from "@/domain/format";

const PERCENT = '0.0"%"';
const NUMBER = "#,##0.##";

function titleRows(ws: ExcelJS.Worksheet, d: Dashboard, title: string, width: number) {
  const lines = [title, `${d.commune.name}${d.commune.parent ? ` – ${d.commune.parent.name}` : ""}`, `Năm ${d.year} – số liệu lũy kế đến hết ${quarterLabel(d.asOf)}`, `Ngày xuất: ${formatDate(d.today)}`];
  lines.forEach((text, i) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, width);
    row.font = { bold: i < 2, size: i === 0 ? 14 : 11 };
    row.alignment = { horizontal: "center" };
  });
  ws.addRow([]);
}

function header(ws: ExcelJS.Worksheet, names: string[]) {
  const row = ws.addRow(names);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  row.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F2" } };
    c.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
  });
  ws.views = [{ state: "frozen", ySplit: row.number }];
}

export async function dashboardWorkbook(d: Dashboard): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "CCHC xã";
  wb.created = new Date();

  const ws = wb.addWorksheet("Chỉ tiêu", { pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const cols = ["STT", "Nhóm chỉ số", "Chỉ tiêu", "Chỉ tiêu năm (theo văn bản)", "Cách hiểu", "Quý I", "Quý II", "Quý III", "Quý IV", "Lũy kế", "Tổng tử số", "Tổng mẫu số", "Trạng thái", "Giải thích", "Đơn vị theo dõi"];
  titleRows(ws, d, "BẢNG THEO DÕI CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH", cols.length);
  header(ws, cols);
  for (const ind of d.indicators) {
    const input = entryInputFor(ind);
    const percent = input === "RATIO" || input === "PERCENT";
    const perQuarter = [1, 2, 3, 4].map((q) => {
      const value = q <= d.asOf ? ind.quarters.find((v) => v.quarter === q) : undefined;
      return value ? quarterDisplayValue(ind, value) : null;
    });
    const ytd = ind.result.ytd;
    const row = ws.addRow([
      ind.code ?? "",
      INDICATOR_GROUP_LABEL[ind.group],
      ind.name,
      ind.targetText ?? "",
      describeTarget(ind.targetRule, ind.targetValue, input === "RATIO" ? "%" : ind.measurementUnit),
      ...perQuarter,
      ytd.aggregation === "LATEST_DONE" ? (ytd.done === null ? null : ytd.done ? "Hoàn thành" : "Chưa hoàn thành") : ytd.value,
      ytd.numerator,
      ytd.denominator,
      STATUS_LABEL[ind.status],
      ind.result.reason,
      ind.monitoringUnitName ?? "",
    ]);
    for (let c = 6; c <= 10; c++) row.getCell(c).numFmt = percent ? PERCENT : NUMBER;
    row.getCell(11).numFmt = NUMBER;
    row.getCell(12).numFmt = NUMBER;
    row.alignment = { wrapText: true, vertical: "top" };
  }
  [8, 18, 50, 28, 22, 9, 9, 9, 9, 10, 10, 10, 14, 40, 28].forEach((w, i) => (ws.getColumn(i + 1).width = w));

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
    const row = tasks.addRow([t.code ?? "", t.content, t.leadUnitName ?? "", t.deadlineText ?? "", t.dueDate ? new Date(`${t.dueDate}T00:00:00Z`) : null, t.status ? TASK_STATUS_LABEL[t.status as TaskStatus] : "Chưa báo cáo"]);
    row.getCell(5).numFmt = "dd/mm/yyyy";
    row.alignment = { wrapText: true, vertical: "top" };
  }
  [8, 70, 30, 22, 12, 18].forEach((w, i) => (tasks.getColumn(i + 1).width = w));

  return Buffer.from(await wb.xlsx.writeBuffer());
}

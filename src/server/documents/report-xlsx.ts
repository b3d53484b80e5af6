// The report's tables as a workbook (one sheet per indicator group, one of tasks), and the
// reviewer's summary of every commune under their unit. Figures and verdicts come from
// buildDashboard; this file only lays them out.
import "server-only";
import type { Dashboard } from "@/server/dashboard/queries";
import { writeIndicatorTable } from "@/server/dashboard/export-xlsx";
import { INDICATOR_GROUP_LABEL, SUBMISSION_STATUS_LABEL, type SubmissionStatus } from "@/domain/labels";
import { formatDate, quarterLabel } from "@/domain/format";
import { cutoffSentence, evidenceRefs, newerVersionSentences, periodText, taskRows, taskStatusText, tidy, type ReportDocument } from "./report-content";
import { addSheet, CELL_BORDER, DATE, excelDate, headerRow, INTEGER, newWorkbook, PERCENT, setWidths, titleRows, workbookBuffer } from "./xlsx-style";

function communeLine(d: Dashboard): string {
  return `${d.commune.name}${d.commune.parent ? ` – ${d.commune.parent.name}` : ""}`;
}

function periodLine(year: number, quarter: number, today: string): string {
  const figures = quarter === 4 ? "số liệu cả năm" : `số liệu lũy kế đến hết ${quarterLabel(quarter)}`;
  return `Báo cáo ${periodText(year, quarter)} – ${figures} – ngày xuất ${formatDate(today)}`;
}

export async function reportWorkbook(doc: ReportDocument): Promise<Buffer> {
  const d = doc.dashboard;
  const wb = newWorkbook(doc.draft ? undefined : doc.today);
  const draft = doc.draft ? " (DỰ THẢO)" : "";
  const lines = (title: string) => [`${title}${draft}`, communeLine(d), periodLine(doc.year, doc.quarter, doc.today), ...[cutoffSentence(doc)].filter((x): x is string => !!x), ...newerVersionSentences(doc)];

  for (const g of d.groups) {
    const ws = addSheet(wb, INDICATOR_GROUP_LABEL[g.group]);
    titleRows(ws, lines(`KẾT QUẢ THỰC HIỆN CHỈ TIÊU: ${INDICATOR_GROUP_LABEL[g.group].toLocaleUpperCase("vi-VN")}`), 16);
    writeIndicatorTable(ws, g.indicators, doc.quarter);
  }

  const ws = addSheet(wb, "Nhiệm vụ");
  const cols = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn (theo kế hoạch)", "Ngày hạn", "Tiến độ", "Quá hạn", "Kết quả", "Lý do", "Minh chứng"];
  titleRows(ws, lines("KẾT QUẢ THỰC HIỆN NHIỆM VỤ"), cols.length);
  headerRow(ws, cols);
  for (const r of taskRows(doc)) {
    if (r.kind === "heading") {
      const row = ws.addRow([r.code, r.title]);
      ws.mergeCells(row.number, 2, row.number, cols.length);
      row.font = { bold: true };
      continue;
    }
    const t = r.item;
    const row = ws.addRow([
      tidy(t.code),
      tidy(t.content),
      tidy(t.leadUnitName),
      tidy(t.deadlineText),
      excelDate(t.dueDate),
      taskStatusText(t),
      t.overdue ? "Quá hạn" : "",
      tidy(t.current?.resultText),
      tidy(t.current?.reason),
      evidenceRefs(t.evidence).join("\n"),
    ]);
    row.getCell(5).numFmt = DATE;
    row.alignment = { wrapText: true, vertical: "top" };
  }
  setWidths(ws, [8, 60, 28, 22, 12, 16, 10, 40, 30, 36]);

  return workbookBuffer(wb);
}

export interface CommuneSummary {
  report: { status: SubmissionStatus; submittedAt: string | null } | null;
  dashboard: Dashboard;
}

/** Share in percent, or null when there is nothing to divide by. */
const share = (part: number, whole: number) => (whole ? (part * 100) / whole : null);

/**
 * One row per commune: report status, counts by verdict, overdue tasks and two ratios.
 * "Tỷ lệ đạt" is đạt over the indicators that could be judged (đạt, có nguy cơ, chưa đạt), as on
 * the comparison page; the total row divides the sums, never averages the communes' shares.
 */
export async function reviewWorkbook(input: { unitName: string; year: number; quarter: number; today: string; communes: CommuneSummary[] }): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = addSheet(wb, "Tổng hợp các xã");
  const cols = [
    "STT",
    "Xã",
    "Trực thuộc",
    "Tình trạng báo cáo",
    "Ngày nộp",
    "Chỉ tiêu được đánh giá",
    "Đạt",
    "Có nguy cơ",
    "Chưa đạt",
    "Chưa có số liệu",
    "Tỷ lệ chỉ tiêu đạt",
    "Nhiệm vụ",
    "Hoàn thành",
    "Quá hạn",
    "Tỷ lệ nhiệm vụ hoàn thành",
  ];
  titleRows(ws, ["BẢNG TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH CÁC XÃ", input.unitName, periodLine(input.year, input.quarter, input.today)], cols.length);
  headerRow(ws, cols);

  const total = { scored: 0, achieved: 0, atRisk: 0, notAchieved: 0, noData: 0, tasks: 0, done: 0, overdue: 0 };
  input.communes.forEach(({ report, dashboard: d }, i) => {
    const c = d.counts;
    const judged = c.ACHIEVED + c.AT_RISK + c.NOT_ACHIEVED;
    const status = report && report.status !== "DRAFT" ? SUBMISSION_STATUS_LABEL[report.status] : "Chưa nộp";
    const row = ws.addRow([
      i + 1,
      d.commune.name,
      d.commune.parent?.name ?? "",
      status,
      report?.status !== "DRAFT" ? excelDate(report?.submittedAt) : null,
      d.scoredCount,
      c.ACHIEVED,
      c.AT_RISK,
      c.NOT_ACHIEVED,
      c.NO_DATA,
      share(c.ACHIEVED, judged),
      d.tasks.total,
      d.tasks.done,
      d.tasks.overdue.length,
      share(d.tasks.done, d.tasks.total),
    ]);
    style(row);
    total.scored += d.scoredCount;
    total.achieved += c.ACHIEVED;
    total.atRisk += c.AT_RISK;
    total.notAchieved += c.NOT_ACHIEVED;
    total.noData += c.NO_DATA;
    total.tasks += d.tasks.total;
    total.done += d.tasks.done;
    total.overdue += d.tasks.overdue.length;
  });
  const t = total;
  const sum = ws.addRow([
    "",
    `Cộng (${input.communes.length} xã)`,
    "",
    "",
    null,
    t.scored,
    t.achieved,
    t.atRisk,
    t.notAchieved,
    t.noData,
    share(t.achieved, t.achieved + t.atRisk + t.notAchieved),
    t.tasks,
    t.done,
    t.overdue,
    share(t.done, t.tasks),
  ]);
  style(sum);
  sum.font = { bold: true };
  setWidths(ws, [6, 26, 26, 16, 12, 12, 8, 10, 10, 12, 12, 10, 11, 10, 14]);
  return workbookBuffer(wb);

  function style(row: ReturnType<typeof ws.addRow>) {
    row.getCell(5).numFmt = DATE;
    for (const col of [6, 7, 8, 9, 10, 12, 13, 14]) row.getCell(col).numFmt = INTEGER;
    row.getCell(11).numFmt = PERCENT;
    row.getCell(15).numFmt = PERCENT;
    row.alignment = { vertical: "top", wrapText: true };
    for (let col = 1; col <= cols.length; col++) row.getCell(col).border = CELL_BORDER;
  }
}

// The commune's self-assessment report (.docx, Decree 30/2020/NĐ-CP layout: issuing body and
// national motto, number and place-date line, title, score table, evidence list, "Nơi nhận" and
// the chairman's signature) and the province's result table (.xlsx).
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, UnderlineType, WidthType, type IBorderOptions } from "docx";
import ExcelJS from "exceljs";
import { todayInVietnam } from "@/domain/format";
import { foldText } from "@/domain/text";
import { sumMaxPoints } from "@/domain/assessment";
import type { AssessmentDetail, AssessmentResults } from "./queries";

const mm = (x: number) => Math.round((x * 1440) / 25.4);
const PAGE = { width: mm(210), height: mm(297), top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: "000000" };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const vi = (n: number | null | undefined) => (n === null || n === undefined ? "" : n.toLocaleString("vi-VN", { maximumFractionDigits: 2 }));

function p(text: string, o: { bold?: boolean; italics?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; underline?: boolean; after?: number } = {}) {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: o.after ?? 60 },
    children: [new TextRun({ text, bold: o.bold, italics: o.italics, size: o.size ?? 28, underline: o.underline ? { type: UnderlineType.SINGLE } : undefined })],
  });
}
const c = (text: string, o: Parameters<typeof p>[1] = {}) => p(text, { align: AlignmentType.CENTER, ...o });
function cell(children: Paragraph[], width: number) {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA } });
}
function table(widths: number[], rows: TableRow[], borders: typeof GRID | typeof NO_BORDERS) {
  return new Table({ rows, columnWidths: widths, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, layout: TableLayoutType.FIXED, borders });
}

function dateLine(place: string, iso: string) {
  const [y, m, d] = iso.split("-").map(Number);
  return `${place}, ngày ${String(d).padStart(2, "0")} tháng ${m <= 2 ? String(m).padStart(2, "0") : m} năm ${y}`;
}

export function selfAssessmentTitle(d: AssessmentDetail) {
  return `Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${d.set.year}`;
}

export async function selfAssessmentDocx(d: AssessmentDetail, chairmanName: string | null): Promise<Buffer> {
  const place = d.commune.name.replace(/^Xã\s+/i, "");
  const left = mm(62);
  const right = TEXT_WIDTH - left;
  const header = table(
    [left, right],
    [
      new TableRow({
        children: [
          cell([c("ỦY BAN NHÂN DÂN", { bold: true, size: 26, after: 0 }), c(d.commune.name.toLocaleUpperCase("vi-VN"), { bold: true, size: 26 })], left),
          cell([c("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: 24, after: 0 }), c("Độc lập - Tự do - Hạnh phúc", { bold: true, size: 26, underline: true })], right),
        ],
      }),
      new TableRow({ children: [cell([c("Số:        /BC-UBND", { size: 26 })], left), cell([c(dateLine(place, todayInVietnam()), { italics: true })], right)] }),
    ],
    NO_BORDERS,
  );
  const w = [mm(16), mm(80), mm(17), mm(17), mm(35)];
  const head = new TableRow({ tableHeader: true, children: ["Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng"].map((t, i) => cell([c(t, { bold: true, size: 24 })], w[i])) });
  const rows: TableRow[] = [head];
  const evidence: string[] = [];
  for (const area of d.areas) {
    const subs = area.criteria.flatMap((x) => x.subs);
    const max = sumMaxPoints(subs);
    const self = subs.reduce((n, s) => n + (s.score?.selfScore ?? 0), 0);
    rows.push(new TableRow({ children: [cell([p(area.code, { bold: true, size: 24 })], w[0]), cell([p(area.title, { bold: true, size: 24 })], w[1]), cell([c(vi(max), { bold: true, size: 24 })], w[2]), cell([c(vi(self), { bold: true, size: 24 })], w[3]), cell([p("", { size: 24 })], w[4])] }));
    for (const s of subs) {
      const refs = (s.score?.evidence ?? []).map((e) => e.fileName ?? [e.docNumber, e.docSummary].filter(Boolean).join(" – "));
      refs.forEach((r) => evidence.push(`${s.fullCode}: ${r}`));
      const proof = refs.length ? refs.join("; ") : s.score?.selfNote ? `Giải trình: ${s.score.selfNote}` : "";
      rows.push(
        new TableRow({
          children: [
            cell([p(s.code, { size: 24 })], w[0]),
            cell([p(s.text, { size: 24 })], w[1]),
            cell([c(vi(s.maxPoints), { size: 24 })], w[2]),
            cell([c(s.scoredBy === "PROVINCE" ? "Tỉnh chấm" : vi(s.score?.selfScore), { size: 24 })], w[3]),
            cell([p(proof, { size: 22 })], w[4]),
          ],
        }),
      );
    }
  }
  const all = d.areas.flatMap((a) => a.criteria.flatMap((x) => x.subs));
  const total = all.reduce((n, s) => n + (s.score?.selfScore ?? 0), 0);
  const max = sumMaxPoints(all.filter((s) => s.scoredBy === "SELF"));
  rows.push(new TableRow({ children: [cell([p("", { size: 24 })], w[0]), cell([p("Tổng điểm tự chấm", { bold: true, size: 24 })], w[1]), cell([c(vi(max), { bold: true, size: 24 })], w[2]), cell([c(vi(total), { bold: true, size: 24 })], w[3]), cell([p("", { size: 24 })], w[4])] }));
  const sl = mm(82);
  const sr = TEXT_WIDTH - sl;
  const signature = table(
    [sl, sr],
    [
      new TableRow({
        children: [
          cell([p("Nơi nhận:", { bold: true, italics: true, size: 24, after: 0, align: AlignmentType.LEFT }), ...[`- ${d.set.issuer} (b/c);`, "- Chủ tịch, các PCT UBND xã;", "- Lưu: VT."].map((t) => p(t, { size: 22, after: 0, align: AlignmentType.LEFT }))], sl),
          cell([c("TM. ỦY BAN NHÂN DÂN", { bold: true, after: 0 }), c("CHỦ TỊCH", { bold: true }), c(""), c(""), c(""), c(chairmanName ?? "", { bold: true })], sr),
        ],
      }),
    ],
    NO_BORDERS,
  );
  const doc = new Document({
    creator: `UBND ${d.commune.name}`,
    title: `Báo cáo ${selfAssessmentTitle(d).toLocaleLowerCase("vi-VN")}`,
    styles: { default: { document: { run: { font: "Times New Roman", size: 28, language: { value: "vi-VN" } } } } },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right } } },
        children: [
          header,
          c(""),
          c("BÁO CÁO", { bold: true, after: 0 }),
          c(selfAssessmentTitle(d), { bold: true }),
          ...(d.set.isDemo ? [c("(Theo bộ tiêu chí mẫu minh họa – dữ liệu mẫu, không phải bộ tiêu chí chính thức)", { italics: true, size: 24 })] : []),
          p(`Thực hiện ${d.set.title} của ${d.set.issuer}, Ủy ban nhân dân ${d.commune.name} báo cáo kết quả tự đánh giá, chấm điểm như sau:`),
          p(`1. Tổng điểm tự chấm: ${vi(total)}/${vi(max)} điểm (chưa gồm các tiêu chí do tỉnh chấm qua điều tra, khảo sát).${d.lastYearTotal !== null ? ` Điểm chính thức năm trước: ${vi(d.lastYearTotal)}.` : ""}${d.parTarget?.targetText ? ` Mục tiêu kế hoạch: ${d.parTarget.targetText}.` : ""}`),
          p("2. Bảng điểm tự chấm theo tiêu chí:"),
          table(w, rows, GRID),
          p(""),
          p(`3. Danh mục tài liệu kiểm chứng (${evidence.length}):`),
          ...(evidence.length ? evidence.map((e, i) => p(`${i + 1}. ${e}`, { size: 26, after: 0 })) : [p("Chưa có tài liệu kiểm chứng đính kèm.")]),
          p(""),
          signature,
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

export function assessmentFileBase(prefix: string, name: string, year: number) {
  return `${prefix}-${foldText(name.replace(/^(Xã|Tỉnh|Huyện)\s+/i, "")).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}-${year}`;
}

export async function resultsXlsx(r: AssessmentResults): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Kết quả");
  ws.addRow([`KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC XÃ NĂM ${r.set.year}`]).font = { bold: true, size: 13 };
  ws.addRow([`${r.set.issuer} – ${r.set.title}`]);
  const head = ws.addRow(["Hạng", "Xã", "Điểm chính thức", "Xếp loại", "Tự chấm", "Chênh lệch (tự chấm − chính thức)", ...r.areas.map((a) => `${a.code}. ${a.title} (/${vi(a.max)})`)]);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: "middle" };
  for (const x of r.ranking) ws.addRow([x.tied ? `${x.rank} (đồng hạng)` : x.rank, x.commune, x.finalTotal, x.band, x.selfTotal, x.gap, ...r.areas.map((a) => x.areas[a.code])]);
  for (const p of r.pending) ws.addRow(["", p.commune, "", p.stage]);
  ws.columns.forEach((col, i) => (col.width = i === 1 ? 24 : i < 6 ? 14 : 12));
  const gaps = wb.addWorksheet("Chênh lệch theo tiêu chí");
  gaps.addRow(["Mã", "Tiêu chí", "Số xã tự chấm cao hơn", "Tổng chênh lệch"]).font = { bold: true };
  for (const g of r.criterionGaps) gaps.addRow([g.code, g.text, g.communes, g.total]);
  gaps.getColumn(2).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

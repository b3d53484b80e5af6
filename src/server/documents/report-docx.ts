// The quarter's (or year's) report as the commune signs and sends it: a Word document in the
// layout of Decree 30/2020/NĐ-CP (Appendix I): issuing body and national motto, number and
// place-date line, title, body with the tables, "Nơi nhận" and the chairman's signature block.
import "server-only";
import {
  AlignmentType,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableRow,
  TextRun,
  UnderlineType,
} from "docx";
import { STATUS_LABEL } from "@/domain/evaluation/status";
import { quarterList } from "@/domain/evaluation/as-of";
import { quarterLabel } from "@/domain/format";
import {
  cutoffSentence,
  newerVersionSentences,
  evidenceRefs,
  indicatorRows,
  lagSummary,
  groupByUnit,
  tidy,
  periodText,
  placeName,
  planReference,
  quarterFigureOf,
  reviewingRecipient,
  taskRows,
  targetText,
  taskStatusText,
  ytdFigureOf,
  ytdLabel,
  type ReportDocument,
} from "./report-content";
import { cell, centered, figureCell, FONT, GRID, headingRow, layoutTable, mm, NO_BORDERS, PAGE, para, rule, SIZE, tableText, TEXT_WIDTH, th, type Run } from "./docx-layout";

// ---- Header: issuing body | national name and motto; number | place and date ---------------------

/** Decree 30: day below 10 and months 1–2 get a leading zero ("ngày 05 tháng 02"), other months do not. */
function dateLine(place: string, iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const day = String(d).padStart(2, "0");
  const month = m <= 2 ? String(m).padStart(2, "0") : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

function documentHeader(doc: ReportDocument): Table {
  const left = mm(62);
  const right = TEXT_WIDTH - left;
  const commune = tidy(doc.data.commune.name).toLocaleUpperCase("vi-VN");
  const sz = { size: SIZE.header };
  return layoutTable(
    [left, right],
    [
      new TableRow({
        children: [
          cell([centered("ỦY BAN NHÂN DÂN", { bold: true, ...sz }), centered(commune, { bold: true, ...sz }), rule(mm(22), left)], left),
          cell(
            [
              centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: SIZE.nation }),
              centered({ text: "Độc lập - Tự do - Hạnh phúc", underline: { type: UnderlineType.SINGLE } }, { bold: true, size: SIZE.motto }),
            ],
            right,
          ),
        ],
      }),
      new TableRow({
        children: [
          cell([centered("Số:        /BC-UBND", { ...sz, before: 6 })], left),
          cell([centered(dateLine(placeName(doc.data.commune.name), doc.today), { italics: true, size: SIZE.body, before: 6 })], right),
        ],
      }),
    ],
    NO_BORDERS,
  );
}

// ---- Tables ---------------------------------------------------------------------------------

const DOCUMENT_STATUS_LABEL: Record<keyof typeof STATUS_LABEL, string> = { ...STATUS_LABEL, AT_RISK: "Có nguy cơ không đạt" };

function indicatorTable(doc: ReportDocument): Table {
  const widths = [mm(14), mm(52), mm(27), mm(23), mm(25), mm(24)];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      th("STT", widths[0]),
      th("Chỉ tiêu", widths[1]),
      th(`Chỉ tiêu năm ${doc.year}`, widths[2]),
      th(`Số liệu ${quarterLabel(doc.quarter)}`, widths[3]),
      th(ytdLabel(doc.quarter), widths[4]),
      th("Đánh giá", widths[5]),
    ],
  });
  // STT: the plan's own number when it has one, else a running number (sub-rows are "-").
  let stt = 0;
  const rows = indicatorRows(doc).map((r) => {
    if (r.kind === "heading") return headingRow(r.code, r.title, widths);
    const { raw, evaluated, isSubRow } = r.item;
    if (!isSubRow) stt++;
    const number = tidy(raw.code).trim() || (isSubRow ? "-" : String(stt));
    const name = `${isSubRow ? "- " : ""}${tidy(raw.name)}`;
    return new TableRow({
      cantSplit: true,
      children: [
        cell([tableText(number, AlignmentType.CENTER)], widths[0]),
        cell([tableText(name, AlignmentType.LEFT)], widths[1]),
        cell([tableText(targetText(raw), AlignmentType.CENTER)], widths[2]),
        evaluated ? figureCell(quarterFigureOf(evaluated, doc.quarter), widths[3]) : cell([], widths[3]),
        evaluated ? figureCell(ytdFigureOf(evaluated), widths[4]) : cell([], widths[4]),
        cell(evaluated ? [tableText(DOCUMENT_STATUS_LABEL[evaluated.status], AlignmentType.CENTER)] : [], widths[5]),
      ],
    });
  });
  return layoutTable(widths, [header, ...rows], GRID);
}

function taskTable(doc: ReportDocument): Table {
  const widths = [mm(14), mm(60), mm(26), mm(35), mm(30)];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [th("STT", widths[0]), th("Nhiệm vụ", widths[1]), th("Tiến độ", widths[2]), th("Kết quả", widths[3]), th("Minh chứng", widths[4])],
  });
  const rows = taskRows(doc).map((r) => {
    if (r.kind === "heading") return headingRow(r.code, r.title, widths);
    const t = r.item;
    const progress = [tableText(taskStatusText(t), AlignmentType.CENTER, { bold: t.overdue })];
    if (t.overdue) progress.push(tableText("(quá hạn)", AlignmentType.CENTER, { italics: true }));
    if (t.deadlineText) progress.push(tableText({ text: `Thời hạn: ${tidy(t.deadlineText)}`, italics: true, size: SIZE.table - 2 }, AlignmentType.CENTER));
    const result = t.current?.resultText ? [tableText(t.current.resultText)] : [];
    if (t.current?.reason) result.push(tableText({ text: `Lý do: ${tidy(t.current.reason)}`, italics: true }));
    // Kept whole on a page; Word and LibreOffice still break a row taller than a page.
    return new TableRow({
      cantSplit: true,
      children: [
        cell([tableText(tidy(t.code), AlignmentType.CENTER)], widths[0]),
        cell([tableText(tidy(t.content))], widths[1]),
        cell(progress, widths[2]),
        cell(result, widths[3]),
        cell(evidenceRefs(t.evidence).map((e) => tableText({ text: e, size: SIZE.table - 2 })), widths[4]),
      ],
    });
  });
  return layoutTable(widths, [header, ...rows], GRID);
}

// ---- Body -------------------------------------------------------------------------------------

const heading = (text: string) => para(text, { bold: true, indent: true, keepNext: true, before: 6 });
/** I., II., III.: a little more air above, especially after a table. */
const part = (text: string) => para(text, { bold: true, indent: true, keepNext: true, before: 12 });
const body = (parts: Run | Run[]) => para(parts, { indent: true });
const caption = (text: string) => centered(text, { bold: true, italics: true, size: SIZE.body, before: 6, after: 6, keepNext: true });

function plural(n: number, what: string): string {
  return `${n} ${what}`;
}

function bodyParagraphs(doc: ReportDocument): (Paragraph | Table)[] {
  const { dashboard: d, data } = doc;
  const period = periodText(doc.year, doc.quarter);
  // "Ủy ban nhân dân xã Tân Đức": the level word is lower case inside a sentence.
  const communeFull = `Ủy ban nhân dân ${tidy(data.commune.name).replace(/^(Xã|Phường|Thị trấn)(?=\s)/, (w) => w.toLocaleLowerCase("vi-VN"))}`;
  const plans = data.plans.map((p) => planReference(p));
  const out: (Paragraph | Table)[] = [];

  out.push(
    body(
      plans.length
        ? `Thực hiện ${plans.join("; ")}, ${communeFull} báo cáo kết quả thực hiện ${period} (${doc.yearly ? "số liệu cả năm" : `số liệu lũy kế từ đầu năm đến hết ${quarterLabel(doc.quarter)}`}) như sau:`
        : `${communeFull} chưa có kế hoạch cải cách hành chính năm ${doc.year} trên hệ thống; báo cáo ${period} như sau:`,
    ),
  );

  const cutoff = cutoffSentence(doc);
  if (cutoff) out.push(body(cutoff));
  for (const sentence of newerVersionSentences(doc)) out.push(body({ text: sentence, italics: true }));

  out.push(part("I. KẾT QUẢ THỰC HIỆN"));
  const c = d.counts;
  const judged = d.scoredCount;
  out.push(heading("1. Thực hiện các chỉ tiêu"));
  if (judged === 0) {
    out.push(body("Kế hoạch không có chỉ tiêu định lượng cần theo dõi."));
  } else {
    const parts = [`đạt ${c.ACHIEVED}`];
    if (!doc.yearly || c.AT_RISK) parts.push(`có nguy cơ không đạt ${c.AT_RISK}`);
    parts.push(`chưa đạt ${c.NOT_ACHIEVED}`, `chưa có số liệu ${c.NO_DATA}`);
    if (c.NO_TARGET) parts.push(`chỉ theo dõi, không đặt chỉ tiêu ${c.NO_TARGET}`);
    out.push(body(`Tổng số ${plural(judged, "chỉ tiêu")}; ${doc.yearly ? "cả năm" : `đến hết ${quarterLabel(doc.quarter)}`}: ${parts.join(", ")}. Chỉ tiêu năm được đánh giá trên số liệu lũy kế; tỷ lệ lũy kế bằng tổng tử số chia tổng mẫu số của các quý. Chi tiết tại Bảng 1.`));
    // The year's report names the quarters that never had figures rather than judging silently without them.
    if (d.missingQuarters.length) out.push(body(`${quarterList(d.missingQuarters)} chưa có số liệu báo cáo; kết quả ${doc.yearly ? "cả năm" : "lũy kế"} chỉ tính trên các quý đã có số liệu.`));
    out.push(caption("Bảng 1. Kết quả thực hiện các chỉ tiêu"));
    out.push(indicatorTable(doc));
  }

  out.push(heading("2. Thực hiện các nhiệm vụ"));
  const tasks = d.tasks.all;
  if (tasks.length === 0) {
    out.push(body("Kế hoạch không giao nhiệm vụ cụ thể theo tiến độ."));
  } else {
    const count = (s: string | null) => tasks.filter((t) => t.status === s).length;
    const parts = [`hoàn thành ${count("DONE")}`, `đang thực hiện ${count("IN_PROGRESS")}`, `chưa thực hiện ${count("NOT_STARTED")}`];
    if (count("CANNOT_DO")) parts.push(`không thực hiện được ${count("CANNOT_DO")}`);
    if (count(null)) parts.push(`chưa báo cáo tiến độ ${count(null)}`);
    const overdue = d.tasks.overdue.length;
    out.push(body(`Tổng số ${plural(tasks.length, "nhiệm vụ")}: ${parts.join(", ")}${overdue ? `; trong đó ${overdue} nhiệm vụ đã quá thời hạn nhưng chưa hoàn thành` : ""}. Chi tiết tại Bảng 2.`));
    out.push(caption("Bảng 2. Kết quả thực hiện các nhiệm vụ"));
    out.push(taskTable(doc));
  }

  out.push(part("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"));
  const lag = lagSummary(doc);
  if (!lag.indicators.length && !lag.tasks.length) {
    out.push(body(`${doc.yearly ? `Trong năm ${doc.year}` : `Đến hết ${quarterLabel(doc.quarter)}`}, các chỉ tiêu có số liệu đều đạt và không có nhiệm vụ quá hạn.`));
  }
  if (lag.indicators.length) {
    out.push(heading(`1. Chỉ tiêu ${doc.yearly ? "chưa đạt" : "chưa đạt, có nguy cơ không đạt"}`));
    for (const [unit, lines] of groupByUnit(lag.indicators)) {
      out.push(body([{ text: `${unit}:`, bold: true }]));
      for (const l of lines) out.push(body(l.cause ? [`- ${l.name}: ${l.verdict}. `, { text: l.cause, italics: true }] : `- ${l.name}: ${l.verdict}.`));
    }
  }
  if (lag.tasks.length) {
    out.push(heading(`${lag.indicators.length ? "2" : "1"}. Nhiệm vụ chậm tiến độ, không thực hiện được`));
    for (const [unit, lines] of groupByUnit(lag.tasks)) {
      out.push(body([{ text: `${unit}:`, bold: true }]));
      for (const l of lines) out.push(body(l.cause ? [`- ${l.name}: ${l.verdict}. `, { text: l.cause, italics: true }] : `- ${l.name}: ${l.verdict}.`));
    }
  }
  if (lag.unexplained.length) {
    out.push(body({ text: `Các đơn vị chưa giải trình nguyên nhân đối với ${lag.unexplained.length === 1 ? "nội dung" : `${lag.unexplained.length} nội dung`}: ${lag.unexplained.join("; ")}.`, italics: true }));
  }

  out.push(part(`III. NHIỆM VỤ ${doc.yearly ? `NĂM ${doc.year + 1}` : "TRONG THỜI GIAN TỚI"}`));
  const lagging = lag.indicators.length + lag.tasks.length;
  if (lagging) {
    const what = [lag.indicators.length ? plural(lag.indicators.length, "chỉ tiêu") : "", lag.tasks.length ? plural(lag.tasks.length, "nhiệm vụ") : ""].filter(Boolean).join(" và ");
    out.push(body(`- Chỉ đạo các đơn vị được giao chủ trì khắc phục ngay ${what} nêu tại Mục II; làm rõ trách nhiệm của tập thể, cá nhân để chậm tiến độ.`));
  }
  out.push(body(`- Tiếp tục triển khai các nhiệm vụ, giải pháp theo kế hoạch; cập nhật số liệu và tài liệu kiểm chứng đầy đủ, kịp thời để phục vụ đánh giá Chỉ số cải cách hành chính và Chỉ số hài lòng.`));
  // The closing sentence stays on the page of the signature, as a signed page must not start bare.
  out.push(para(`Trên đây là báo cáo kết quả thực hiện kế hoạch cải cách hành chính ${period} của ${communeFull}./.`, { indent: true, keepNext: true }));
  return out;
}

// ---- Recipients and signature --------------------------------------------------------------------

function signatureBlock(doc: ReportDocument): Table {
  const left = mm(82);
  const right = TEXT_WIDTH - left;
  const recipient = reviewingRecipient(doc.data.commune.parent);
  const lines = [...(recipient ? [`- ${recipient} (b/c);`] : []), "- TT. Đảng ủy, TT. HĐND xã (b/c);", "- Chủ tịch, các PCT UBND xã;", "- Lưu: VT."];
  const small = (text: string) => para(text, { size: SIZE.recipients, after: 0, align: AlignmentType.LEFT });
  return layoutTable(
    [left, right],
    [
      new TableRow({
        cantSplit: true,
        children: [
          cell([para("Nơi nhận:", { bold: true, italics: true, size: SIZE.receivedBy, after: 0, align: AlignmentType.LEFT }), ...lines.map(small)], left),
          cell(
            [
              centered("TM. ỦY BAN NHÂN DÂN", { bold: true, size: SIZE.body }),
              centered("CHỦ TỊCH", { bold: true, size: SIZE.body }),
              // Room for the signature and the seal.
              ...[1, 2, 3, 4].map(() => centered("", { size: SIZE.body })),
              centered(doc.chairmanName ?? "", { bold: true, size: SIZE.body, before: 12 }),
            ],
            right,
          ),
        ],
      }),
    ],
    NO_BORDERS,
  );
}

// ---- Document -----------------------------------------------------------------------------------

export function reportTitle(doc: ReportDocument): string {
  return `Kết quả thực hiện kế hoạch cải cách hành chính ${periodText(doc.year, doc.quarter)}`;
}

export async function reportDocx(doc: ReportDocument): Promise<Buffer> {
  const subtitle = reportTitle(doc);
  const document = new Document({
    creator: tidy(`UBND ${doc.data.commune.name}`),
    title: tidy(`Báo cáo ${subtitle.charAt(0).toLocaleLowerCase("vi-VN")}${subtitle.slice(1)}`),
    description: "Báo cáo kết quả thực hiện kế hoạch cải cách hành chính",
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body, language: { value: "vi-VN" } },
          paragraph: { spacing: { line: 276 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: mm(10), footer: mm(10) },
          },
          // Decree 30: page numbers centred in the top margin, from the second page on.
          titlePage: true,
        },
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.header })] })] }),
          first: new Header({ children: [new Paragraph("")] }),
        },
        children: [
          documentHeader(doc),
          // A report not yet submitted is not the one on file: said at the top, where a reader looks first.
          ...(doc.draft ? [centered("DỰ THẢO", { bold: true, size: SIZE.body, before: 12 })] : []),
          centered("BÁO CÁO", { bold: true, size: SIZE.body, before: 18 }),
          centered(subtitle, { bold: true, size: SIZE.body }),
          rule(mm(35), TEXT_WIDTH, 12),
          ...bodyParagraphs(doc),
          para("", { after: 0, keepNext: true }),
          signatureBlock(doc),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

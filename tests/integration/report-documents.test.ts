// The report a commune signs (Word) and its tables (Excel), and the reviewer's summary of all
// communes: generated through the route handlers, opened the way a reader would (the .docx's XML
// and text, the workbook's cells), and checked against figures computed here from the database.
import { beforeAll, describe, expect, it } from "vitest";
import mammoth from "mammoth";
import ExcelJS from "exceljs";
import { setupTestDb } from "../support/demo-db";
import { actAs } from "../support/actors";
import { unzip } from "../support/zip";
import { setDatabase, type Db } from "@/server/db";
import { loadDashboard, loadDashboards } from "@/server/dashboard/queries";
import { formatNumber, formatPercent, todayInVietnam } from "@/domain/format";
import { decideSubmission } from "@/server/review/actions";
import { submitReport } from "@/server/reports/actions";
import { explainRedRows } from "../support/explain";
import * as docxRoute from "@/app/api/bao-cao/docx/route";
import * as xlsxRoute from "@/app/api/bao-cao/xlsx/route";
import * as reviewXlsxRoute from "@/app/api/xet-duyet/xlsx/route";

const t = setupTestDb();
let hanhDung: { id: string; parentId: string };
const CHAIRMAN = "Trần Văn Thiện";

beforeAll(async () => {
  const unit = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Hành Dũng" } });
  hanhDung = { id: unit.id, parentId: unit.parentId! };
  // The signer's name must come from the commune's CHAIRMAN account, whatever it is.
  await t.db.user.update({ where: { username: "hanhdung.chutich" }, data: { fullName: CHAIRMAN } });
});

const get = (route: { GET: (r: Request) => Promise<Response> }, path: string) => route.GET(new Request(`http://localhost${path}`));

async function body(res: Response): Promise<Buffer> {
  expect(res.status, res.status === 200 ? "" : await res.clone().text()).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

const docText = async (buffer: Buffer) => (await mammoth.extractRawText({ buffer })).value;

/** Table rows of the .docx as arrays of cell texts (mammoth's HTML keeps the tables). */
async function docRows(buffer: Buffer): Promise<string[][]> {
  const html = (await mammoth.convertToHtml({ buffer })).value;
  const strip = (s: string) => s.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => strip(c[1])));
}

/** Year-to-date of a ratio indicator computed here, from the stored counts: sum over sum. */
async function ratioYtd(indicatorId: string, year: number, quarter: number) {
  const values = await t.db.indicatorValue.findMany({ where: { indicatorId, period: { year, quarter: { lte: quarter } } } });
  const n = values.reduce((s, v) => s + (v.numerator?.toNumber() ?? 0), 0);
  const d = values.reduce((s, v) => s + (v.denominator?.toNumber() ?? 0), 0);
  return { n, d, percent: (n * 100) / d };
}

async function workbook(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

describe("the report as a Word document", () => {
  it("has the Decree 30 layout: A4, its margins, Times New Roman, the page numbers from page 2", async () => {
    await actAs("hanhdung.chutich");
    const files = unzip(await body(await get(docxRoute, "/api/bao-cao/docx?nam=2025&quy=2")));
    const document = files.get("word/document.xml")!.toString("utf8");
    const styles = files.get("word/styles.xml")!.toString("utf8");
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"/.exec(document)!;
    const mm = (twips: string) => (Number(twips) * 25.4) / 1440;
    expect(mm(margin[1])).toBeGreaterThanOrEqual(19.9); // top 20–25
    expect(mm(margin[1])).toBeLessThanOrEqual(25.1);
    expect(mm(margin[3])).toBeGreaterThanOrEqual(19.9); // bottom 20–25
    expect(mm(margin[4])).toBeGreaterThanOrEqual(29.9); // left 30–35
    expect(mm(margin[4])).toBeLessThanOrEqual(35.1);
    expect(mm(margin[2])).toBeGreaterThanOrEqual(14.9); // right 15–20
    expect(mm(margin[2])).toBeLessThanOrEqual(20.1);
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/);
    expect(styles).toMatch(/<w:sz w:val="2[68]"\/>/); // 13–14pt body
    expect(document).toContain("<w:titlePg/>");
    // Vietnamese is stored as precomposed UTF-8 text, which Word and LibreOffice both render.
    expect(document).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(document.normalize("NFC")).toBe(document);
  });

  it("names the commune, the period and the chairman, with the reviewing body among the recipients", async () => {
    await actAs("hanhdung.canbo");
    const text = await docText(await body(await get(docxRoute, "/api/bao-cao/docx?nam=2025&quy=2")));
    for (const expected of [
      "ỦY BAN NHÂN DÂN",
      "XÃ HÀNH DŨNG",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "/BC-UBND",
      "BÁO CÁO",
      "Kết quả thực hiện kế hoạch cải cách hành chính Quý II năm 2025",
      "Quyết định số 48/QĐ-UBND ngày 03/03/2025",
      "Ủy ban nhân dân xã Hành Dũng báo cáo kết quả thực hiện Quý II năm 2025",
      "Nơi nhận:",
      "- UBND huyện Nghĩa Hành (b/c);",
      "- Lưu: VT.",
      "TM. ỦY BAN NHÂN DÂN",
      "CHỦ TỊCH",
      CHAIRMAN,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Số:\s+\/BC-UBND/);
    expect(text).toMatch(/Hành Dũng, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    // An approved report is dated the day it was submitted (in Vietnam), however late it is downloaded.
    const report = await t.db.quarterlyReport.findFirstOrThrow({ where: { communeId: hanhDung.id, period: { year: 2025, quarter: 2 } } });
    const [y, m, d] = todayInVietnam(report.submittedAt!).split("-");
    expect(text).toContain(`ngày ${d} tháng ${Number(m) <= 2 ? m : Number(m)} năm ${y}`);
    // The signer's name comes after the signing authority, as it is signed.
    expect(text.indexOf(CHAIRMAN)).toBeGreaterThan(text.indexOf("TM. ỦY BAN NHÂN DÂN"));
  });

  it("shows each indicator's quarter figure, year-to-date and verdict as computed from the stored counts", async () => {
    const actor = (await actAs("hanhdung.chutich"))!;
    const rows = await docRows(await body(await get(docxRoute, "/api/bao-cao/docx?nam=2025&quy=2")));
    const dashboard = await loadDashboard(actor, actor.orgUnitId, 2025, 2, todayInVietnam());
    const indicators = await t.db.indicator.findMany({ where: { plan: { communeId: hanhDung.id }, valueKind: "RATIO" }, orderBy: { position: "asc" } });
    expect(indicators.length).toBeGreaterThan(5);
    for (const ind of indicators) {
      const ytd = await ratioYtd(ind.id, 2025, 2);
      const q2 = await t.db.indicatorValue.findFirstOrThrow({ where: { indicatorId: ind.id, period: { year: 2025, quarter: 2 } } });
      const row = rows.find((r) => r[1] === ind.name.trim());
      expect(row, ind.name).toBeDefined();
      const [n2, d2] = [q2.numerator!.toNumber(), q2.denominator!.toNumber()];
      expect(row![3]).toBe(`${formatPercent((n2 * 100) / d2)} (${formatNumber(n2)}/${formatNumber(d2)})`);
      expect(row![4]).toBe(`${formatPercent(ytd.percent)} (${formatNumber(ytd.n)}/${formatNumber(ytd.d)})`);
      // The verdict is the dashboard's, word for word.
      const verdict = { ACHIEVED: "Đạt", AT_RISK: "Có nguy cơ không đạt", NOT_ACHIEVED: "Chưa đạt", NO_DATA: "Chưa có số liệu", NO_TARGET: "Không đặt chỉ tiêu" }[dashboard.indicators.find((i) => i.id === ind.id)!.status];
      expect(row![5]).toBe(verdict);
      const target = ind.targetValue?.toNumber() ?? 100;
      expect(verdict === "Đạt").toBe(ytd.percent >= target - 1e-9);
    }
    const header = rows.find((r) => r[0] === "STT" && r[1] === "Chỉ tiêu")!;
    expect(header).toEqual(["STT", "Chỉ tiêu", "Chỉ tiêu năm 2025", "Số liệu Quý II", "Lũy kế đến hết Quý II", "Đánh giá"]);
  });

  it("lists the tasks with progress, result and evidence, and says what lags and why from the notes and reasons", async () => {
    await actAs("hanhdung.chutich");
    const period = await t.db.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year: 2025, quarter: 2 } } });
    const staff = await t.db.user.findFirstOrThrow({ where: { username: "hanhdung.canbo" } });
    // A lagging indicator with the unit's explanation, typed in decomposed Unicode (NFD).
    const dashboard = await loadDashboard((await actAs("hanhdung.chutich"))!, hanhDung.id, 2025, 2, todayInVietnam());
    const lagging = dashboard.indicators.find((i) => i.status === "NOT_ACHIEVED")!;
    const note = "Hệ thống một cửa điện tử gián đoạn trong tháng 5";
    await t.db.indicatorValue.update({ where: { id: lagging.current!.id }, data: { note: note.normalize("NFD") } });
    // A task that cannot be done, with its reason; a done task with a document as evidence.
    const progress = await t.db.taskProgress.findMany({ where: { periodId: period.id, task: { plan: { communeId: hanhDung.id } } }, include: { task: true }, orderBy: { task: { position: "asc" } } });
    const done = progress.find((p) => p.status === "DONE")!;
    // Not overdue at the quarter's end (an overdue task is explained by explainRedRows below, whose
    // words would replace its reason): which task the demo leaves unfinished depends on the demo data.
    const quarterEnd = new Date("2025-06-30T00:00:00Z");
    const dueLater = (task: { dueDate: Date | null; occurrenceDates: Date[] }) => [task.dueDate, ...task.occurrenceDates].every((d) => !d || d > quarterEnd);
    const stuck = progress.find((p) => p.status !== "DONE" && dueLater(p.task))!;
    await t.db.taskProgress.update({ where: { id: stuck.id }, data: { status: "CANNOT_DO", reason: "Phần mềm của tỉnh chưa hỗ trợ" } });
    await t.db.evidence.create({
      data: { communeId: hanhDung.id, taskProgressId: done.id, docNumber: "35/QĐ-UBND", docDate: new Date("2025-04-15T00:00:00Z"), docSummary: "Kế hoạch rà soát TTHC", createdById: staff.id },
    });
    // The approved report says what was approved: these changes reach its documents once it is
    // reopened, submitted again and approved again (a new record).
    const report = await t.db.quarterlyReport.findFirstOrThrow({ where: { communeId: hanhDung.id, periodId: period.id } });
    await actAs("nghiahanh.thamdinh");
    expect((await decideSubmission({ subjectType: "report", subjectId: report.id, decision: "reopen", comment: "Bổ sung minh chứng, lý do" })).ok).toBe(true);
    await actAs("hanhdung.chutich");
    // Issue 17: every red row carries its reason before the submission; the lagging indicator's
    // cause is the unit's own words (decomposed Unicode, as some keyboards send it).
    await explainRedRows(t, "hanhdung.chutich", 2025, 2);
    await t.db.indicatorValue.update({ where: { id: lagging.current!.id }, data: { cause: note.normalize("NFD") } });
    expect(await submitReport({ year: 2025, quarter: 2 })).toMatchObject({ ok: true });
    await actAs("nghiahanh.thamdinh");
    expect((await decideSubmission({ subjectType: "report", subjectId: report.id, decision: "approve", comment: null })).ok).toBe(true);
    await actAs("hanhdung.chutich");

    const buffer = await body(await get(docxRoute, "/api/bao-cao/docx?nam=2025&quy=2"));
    const text = await docText(buffer);
    const rows = await docRows(buffer);
    const doneRow = rows.find((r) => r[0] === done.task.code && r[1] === done.task.content.trim())!;
    expect(doneRow[2]).toContain("Hoàn thành");
    expect(doneRow[3]).toBe("Đã hoàn thành theo kế hoạch (số liệu mẫu).");
    expect(doneRow[4]).toBe("Số 35/QĐ-UBND ngày 15/04/2025: Kế hoạch rà soát TTHC");
    const stuckRow = rows.find((r) => r[0] === stuck.task.code && r[1] === stuck.task.content.trim())!;
    expect(stuckRow[2]).toContain("Không thực hiện được");
    expect(stuckRow[3]).toContain("Lý do: Phần mềm của tỉnh chưa hỗ trợ");

    expect(text).toContain("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN");
    expect(text).toContain(`Nguyên nhân: ${note}.`);
    expect(text).toContain(lagging.result.reason.replace(/[.\s]+$/, ""));
    expect(text).toContain("Lý do: Phần mềm của tỉnh chưa hỗ trợ.");
    const taskCount = await t.db.task.count({ where: { plan: { communeId: hanhDung.id, year: 2025 } } });
    expect(text).toContain(`Tổng số ${taskCount} nhiệm vụ`);
  });

  it("the fourth quarter's report is the year's", async () => {
    await actAs("tanduc.chutich");
    const res = await get(docxRoute, "/api/bao-cao/docx?nam=2024&quy=4");
    expect(res.headers.get("Content-Disposition")).toContain("bao-cao-cchc-tan-duc-2024-nam.docx");
    const buffer = await body(res);
    const text = await docText(buffer);
    expect(text).toContain("XÃ TÂN ĐỨC");
    expect(text).toContain("Kết quả thực hiện kế hoạch cải cách hành chính năm 2024");
    expect(text).toContain("III. NHIỆM VỤ NĂM 2025");
    expect(text).toContain("Nguyễn Văn Mẫu (dữ liệu mẫu)");
    const header = (await docRows(buffer)).find((r) => r[0] === "STT" && r[1] === "Chỉ tiêu")!;
    expect(header[4]).toBe("Lũy kế cả năm");
  });
});

describe("the report as a workbook", () => {
  it("has a sheet per indicator group with percent and integer formats, and a sheet of tasks", async () => {
    const actor = (await actAs("hanhdung.chutich"))!;
    const res = await get(xlsxRoute, "/api/bao-cao/xlsx?nam=2025&quy=2");
    expect(res.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const wb = await workbook(await body(res));
    const d = await loadDashboard(actor, actor.orgUnitId, 2025, 2, todayInVietnam());
    const labels: Record<string, string> = { PAR_INDEX: "Chỉ số CCHC (PAR Index)", SIPAS: "Chỉ số hài lòng (SIPAS)", PCI: "Năng lực cạnh tranh (PCI)", DTI: "Chuyển đổi số (DTI)", ONLINE_SERVICES: "Dịch vụ công trực tuyến, TTHC", OTHER: "Chỉ tiêu khác" };
    expect(wb.worksheets.map((w) => w.name)).toEqual([...d.groups.map((g) => labels[g.group]), "Nhiệm vụ"]);

    const ind = await t.db.indicator.findFirstOrThrow({ where: { plan: { communeId: hanhDung.id }, code: "4" } });
    const ytd = await ratioYtd(ind.id, 2025, 2);
    const ws = wb.getWorksheet(labels[ind.group])!;
    expect(ws.getCell("A2").value).toBe("Xã Hành Dũng – Huyện Nghĩa Hành");
    expect(String(ws.getCell("A3").value)).toContain("Quý II năm 2025");
    let found = 0;
    ws.eachRow((row) => {
      if (row.getCell(3).value !== ind.name) return;
      found++;
      expect(row.getCell(10).value).toBeCloseTo(ytd.percent, 9);
      expect(row.getCell(10).numFmt).toBe('0.0"%"');
      expect(row.getCell(11).value).toBe(ytd.n);
      expect(row.getCell(12).value).toBe(ytd.d);
      expect(row.getCell(11).numFmt).toBe("#,##0");
    });
    expect(found).toBe(1);

    const tasks = wb.getWorksheet("Nhiệm vụ")!;
    const statuses = ["Chưa thực hiện", "Đang thực hiện", "Hoàn thành", "Không thực hiện được", "Chưa báo cáo"];
    const taskRows: string[] = [];
    tasks.eachRow((row) => {
      if (statuses.includes(String(row.getCell(6).value))) taskRows.push(String(row.getCell(6).value));
    });
    expect(taskRows.length).toBe(await t.db.task.count({ where: { plan: { communeId: hanhDung.id } } }));
    expect(taskRows).toContain("Không thực hiện được");
  });
});

describe("the reviewer's combined workbook", () => {
  it("has one row per commune under the reviewer's unit, with the dashboard's counts, and a total", async () => {
    // A second commune under the same district, without a plan yet.
    await t.db.orgUnit.create({ data: { name: "Xã Hành Thịnh", level: "COMMUNE", parentId: hanhDung.parentId } });
    const reviewer = (await actAs("nghiahanh.thamdinh"))!;
    const wb = await workbook(await body(await get(reviewXlsxRoute, "/api/xet-duyet/xlsx?nam=2025&quy=2")));
    const ws = wb.getWorksheet("Tổng hợp các xã")!;
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row) => {
      if (typeof row.getCell(1).value === "number") rows.push(row);
    });
    const inScope = await t.db.orgUnit.findMany({ where: { level: "COMMUNE", OR: [{ parentId: reviewer.orgUnitId }, { parent: { parentId: reviewer.orgUnitId } }] }, orderBy: { name: "asc" } });
    expect(inScope.length).toBe(2);
    expect(rows.map((r) => r.getCell(2).value)).toEqual(inScope.map((c) => c.name));

    const own = rows.find((r) => r.getCell(2).value === "Xã Hành Dũng")!;
    const d = await loadDashboard(reviewer, hanhDung.id, 2025, 2, todayInVietnam());
    expect(own.getCell(4).value).toBe("Đã duyệt");
    const report = await t.db.quarterlyReport.findFirstOrThrow({ where: { communeId: hanhDung.id, period: { year: 2025, quarter: 2 } } });
    expect(own.getCell(5).value).toEqual(new Date(`${todayInVietnam(report.submittedAt!)}T00:00:00Z`));
    expect(own.getCell(5).numFmt).toBe("dd/mm/yyyy");
    expect([6, 7, 8, 9, 10].map((c) => own.getCell(c).value)).toEqual([d.scoredCount, d.counts.ACHIEVED, d.counts.AT_RISK, d.counts.NOT_ACHIEVED, d.counts.NO_DATA]);
    expect(own.getCell(11).value).toBeCloseTo((d.counts.ACHIEVED * 100) / (d.counts.ACHIEVED + d.counts.AT_RISK + d.counts.NOT_ACHIEVED), 9);
    expect(own.getCell(11).numFmt).toBe('0.0"%"');
    expect(own.getCell(14).value).toBe(d.tasks.overdue.length);
    const empty = rows.find((r) => r.getCell(2).value === "Xã Hành Thịnh")!;
    expect(empty.getCell(4).value).toBe("Chưa nộp");
    expect(empty.getCell(6).value).toBe(0);

    let total: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (String(row.getCell(2).value).startsWith("Cộng")) total = row;
    });
    expect(total!.getCell(2).value).toBe("Cộng (2 xã)");
    expect(total!.getCell(7).value).toBe(d.counts.ACHIEVED);
  });

  it("reads all communes in the same number of queries as one", async () => {
    const admin = (await actAs("admin"))!;
    let queries = 0;
    const counting = t.db.$extends({
      query: {
        $allOperations({ args, query }) {
          queries++;
          return query(args);
        },
      },
    }) as unknown as Db;
    setDatabase(counting);
    try {
      const all = await t.db.orgUnit.findMany({ where: { level: "COMMUNE" }, select: { id: true } });
      expect(all.length).toBeGreaterThan(3);
      queries = 0;
      // One commune with a report on file: its snapshot is one statement, whatever the number of communes.
      await loadDashboards(admin, [hanhDung.id], 2025, 2, todayInVietnam());
      const one = queries;
      queries = 0;
      const many = await loadDashboards(admin, all.map((c) => c.id), 2025, 2, todayInVietnam());
      expect(many.length).toBe(all.length);
      expect(queries).toBe(one);
    } finally {
      setDatabase(t.db);
    }
  });
});

describe("who may download", () => {
  it("refuses a signed-out caller with 401", async () => {
    await actAs(null);
    for (const [route, path] of [
      [docxRoute, "/api/bao-cao/docx?nam=2025&quy=2"],
      [xlsxRoute, "/api/bao-cao/xlsx?nam=2025&quy=2"],
      [reviewXlsxRoute, "/api/xet-duyet/xlsx?nam=2025&quy=2"],
    ] as const) {
      const res = await get(route, path);
      expect(res.status).toBe(401);
      expect(await res.text()).toContain("đăng nhập");
    }
  });

  it("serves a commune user their own commune, whatever commune the link names", async () => {
    await actAs("taythuan.chutich");
    const text = await docText(await body(await get(docxRoute, `/api/bao-cao/docx?nam=2025&quy=2&xa=${hanhDung.id}`)));
    expect(text).toContain("XÃ TÂY THUẬN");
    expect(text).not.toContain("Hành Dũng");
    const wb = await workbook(await body(await get(xlsxRoute, `/api/bao-cao/xlsx?nam=2025&quy=2&xa=${hanhDung.id}`)));
    expect(String(wb.worksheets[0].getCell("A2").value)).toContain("Tây Thuận");
  });

  it("lets a reviewer download a commune under their unit and refuses one under another district", async () => {
    await actAs("nghiahanh.thamdinh");
    expect(await docText(await body(await get(docxRoute, `/api/bao-cao/docx?nam=2025&quy=2&xa=${hanhDung.id}`)))).toContain("XÃ HÀNH DŨNG");
    const missing = await get(docxRoute, "/api/bao-cao/docx?nam=2025&quy=2");
    expect(missing.status).toBe(400);
    expect(await missing.text()).toBe("Chọn xã cần tải báo cáo.");

    await actAs("phubinh.thamdinh");
    for (const route of [docxRoute, xlsxRoute]) {
      const res = await get(route, `/api/bao-cao/x?nam=2025&quy=2&xa=${hanhDung.id}`);
      expect(res.status).toBe(403);
      expect(await res.text()).toBe("Xã này không thuộc đơn vị bạn phụ trách.");
    }
    // The other district's combined workbook holds its own communes only.
    const wb = await workbook(await body(await get(reviewXlsxRoute, "/api/xet-duyet/xlsx?nam=2025&quy=2")));
    const names: unknown[] = [];
    wb.getWorksheet("Tổng hợp các xã")!.eachRow((row) => {
      if (typeof row.getCell(1).value === "number") names.push(row.getCell(2).value);
    });
    expect(names).toEqual(["Xã Tân Đức"]);
  });

  it("refuses the combined workbook to commune users", async () => {
    await actAs("hanhdung.chutich");
    const res = await get(reviewXlsxRoute, "/api/xet-duyet/xlsx?nam=2025&quy=2");
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/quyền/);
  });
});

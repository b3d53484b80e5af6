// The PAR Index documents opened the way a reviewer reads them: the commune's self-assessment
// report (.docx) and the province's result table (.xlsx), generated through their route handlers
// and checked against figures computed here from the database (Tân Đức's final 2024 assessment).
import { describe, expect, it } from "vitest";
import mammoth from "mammoth";
import ExcelJS from "exceljs";
import { setupTestDb } from "../support/demo-db";
import { actAs } from "../support/actors";
import * as docxRoute from "@/app/api/cham-diem/docx/route";
import * as xlsxRoute from "@/app/api/cham-diem/xlsx/route";

const t = setupTestDb();

const get = (route: { GET: (r: Request) => Promise<Response> }, path: string) => route.GET(new Request(`http://localhost${path}`));
async function body(res: Response): Promise<Buffer> {
  expect(res.status, res.status === 200 ? "" : await res.clone().text()).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}
/** vi-VN as the documents print it: "12,5". */
const vi = (n: number) => n.toLocaleString("vi-VN", { maximumFractionDigits: 2 });
const round = (n: number) => Math.round(n * 100) / 100;

/** Table rows of the .docx as arrays of cell texts (mammoth's HTML keeps the tables). */
async function docRows(buffer: Buffer): Promise<string[][]> {
  const html = (await mammoth.convertToHtml({ buffer })).value;
  const strip = (s: string) => s.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => strip(c[1])));
}

/** Tân Đức's final assessment with every score, its sub-criterion, area and evidence. */
async function tanDuc() {
  return t.db.assessment.findFirstOrThrow({
    where: { commune: { name: "Xã Tân Đức" }, status: "APPROVED" },
    include: {
      commune: true,
      set: { include: { areas: { orderBy: { position: "asc" } } } },
      scores: { include: { subCriterion: { include: { criterion: { include: { area: true } } } }, evidence: true } },
    },
  });
}

describe("the self-assessment report (.docx)", () => {
  it("names the commune and year, lists every area with its maximum and self-score, the total, and every piece of evidence", async () => {
    // The demo attaches no evidence to Tân Đức's scores: attach a document reference and a file, as the commune would have.
    const first = await tanDuc();
    const [s1, s2] = first.scores.filter((s) => s.subCriterion.scoredBy === "SELF");
    const clerk = await t.db.user.findFirstOrThrow({ where: { username: "tanduc.canbo" } });
    const ref = await t.db.evidence.create({ data: { communeId: first.communeId, createdById: clerk.id, docNumber: "15/KH-UBND", docSummary: "Kế hoạch CCHC năm 2024" } });
    const file = await t.db.evidence.create({ data: { communeId: first.communeId, createdById: clerk.id, fileName: "bao-cao-cchc-quy-4.pdf", storageKey: "x", mimeType: "application/pdf", sizeBytes: 10 } });
    await t.db.assessmentEvidence.createMany({ data: [{ scoreId: s1.id, evidenceId: ref.id }, { scoreId: s2.id, evidenceId: file.id }] });
    const a = await tanDuc();
    await actAs("tanduc.chutich");
    const buffer = await body(await get(docxRoute, `/api/cham-diem/docx?id=${a.id}`));
    const text = (await mammoth.extractRawText({ buffer })).value;
    expect(text).toContain("ỦY BAN NHÂN DÂN");
    expect(text).toContain("XÃ TÂN ĐỨC");
    expect(text).toContain("Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2024");
    expect(text).toMatch(/dữ liệu mẫu, không phải bộ tiêu chí chính thức/);
    const chairman = await t.db.user.findFirstOrThrow({ where: { orgUnitId: a.communeId, role: "CHAIRMAN" } });
    expect(text).toContain(chairman.fullName);

    const rows = await docRows(buffer);
    const scoreTable = rows.filter((r) => r.length === 5);
    expect(scoreTable[0]).toEqual(["Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng"]);
    for (const area of a.set.areas) {
      const own = a.scores.filter((s) => s.subCriterion.criterion.areaId === area.id);
      const max = own.reduce((n, s) => n + Number(s.subCriterion.maxPoints), 0);
      const self = own.reduce((n, s) => n + Number(s.selfScore ?? 0), 0);
      expect(scoreTable, `area ${area.code}`).toContainEqual([area.code, area.title, vi(round(max)), vi(round(self)), ""]);
    }
    const selfScored = a.scores.filter((s) => s.subCriterion.scoredBy === "SELF");
    const total = round(selfScored.reduce((n, s) => n + Number(s.selfScore ?? 0), 0));
    const max = round(selfScored.reduce((n, s) => n + Number(s.subCriterion.maxPoints), 0));
    expect(scoreTable.at(-1)).toEqual(["", "Tổng điểm tự chấm", vi(max), vi(total), ""]);
    expect(text).toContain(`1. Tổng điểm tự chấm: ${vi(total)}/${vi(max)} điểm`);
    // A province-scored sub-criterion is marked as such, not given a self-score.
    const survey = a.scores.find((s) => s.subCriterion.scoredBy === "PROVINCE")!;
    expect(scoreTable.find((r) => r[1] === survey.subCriterion.text)?.[3]).toBe("Tỉnh chấm");

    const stored = new Map((await t.db.evidence.findMany({ where: { id: { in: a.scores.flatMap((s) => s.evidence.map((e) => e.evidenceId)) } } })).map((e) => [e.id, e]));
    const links = a.scores.flatMap((s) => s.evidence.map((e) => ({ code: `${s.subCriterion.criterion.area.code}.${s.subCriterion.code}`, e: stored.get(e.evidenceId)! })));
    expect(links.length).toBe(2);
    expect(text).toContain("15/KH-UBND – Kế hoạch CCHC năm 2024");
    expect(text).toContain(`3. Danh mục tài liệu kiểm chứng (${links.length}):`);
    for (const { code, e } of links) expect(text).toContain(`${code}: ${e.fileName ?? [e.docNumber, e.docSummary].filter(Boolean).join(" – ")}`);
  });

  it("is refused to another commune", async () => {
    const a = await tanDuc();
    await actAs("hanhdung.chutich");
    expect((await get(docxRoute, `/api/cham-diem/docx?id=${a.id}`)).status).toBe(403);
  });
});

describe("the province's result table (.xlsx)", () => {
  it("ranks the commune with its final score, band, self-score and gap, every area's score, and the sub-criteria it over-scored", async () => {
    const a = await tanDuc();
    const reviewer = await t.db.user.findFirstOrThrow({ where: { role: "REVIEWER", orgUnitId: a.set.issuerUnitId } });
    await actAs(reviewer.username);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await body(await get(xlsxRoute, `/api/cham-diem/xlsx?bo=${a.setId}`))) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Kết quả")!;
    expect(String(ws.getCell("A1").value)).toBe("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC XÃ NĂM 2024");
    const header = (ws.getRow(3).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 6)).toEqual(["Hạng", "Xã", "Điểm chính thức", "Xếp loại", "Tự chấm", "Chênh lệch (tự chấm − chính thức)"]);
    const row = (ws.getRow(4).values as unknown[]).slice(1);
    const final = Number(a.finalTotal);
    const self = Number(a.selfTotal);
    expect(row.slice(0, 3)).toEqual([1, "Xã Tân Đức", final]);
    expect(row[3]).toBeTruthy();
    expect(row[4]).toBe(self);
    // The gap is taken over the sub-criteria the commune scored itself: the province-only ones
    // (no self score) are not the commune under-scoring itself.
    const selfScored = a.scores.filter((s) => s.selfScore !== null);
    expect(selfScored.length).toBeLessThan(a.scores.length);
    expect(row[5]).toBeCloseTo(selfScored.reduce((n, s) => n + Number(s.selfScore) - Number(s.finalScore ?? 0), 0), 2);
    for (const [i, area] of a.set.areas.entries()) {
      const own = a.scores.filter((s) => s.subCriterion.criterion.areaId === area.id);
      const areaMax = own.reduce((n, s) => n + Number(s.subCriterion.maxPoints), 0);
      expect(header[6 + i]).toBe(`${area.code}. ${area.title} (/${vi(round(areaMax))})`);
      expect(row[6 + i], `area ${area.code}`).toBeCloseTo(own.reduce((n, s) => n + Number(s.finalScore ?? 0), 0), 2);
    }
    expect((row.slice(6) as number[]).reduce((n, x) => n + x, 0)).toBeCloseTo(final, 2);

    // Appraisal vs self, per sub-criterion: where the commune scored itself above the appraisal.
    const over = a.scores.filter((s) => s.selfScore !== null && s.appraisedScore !== null && Number(s.selfScore) > Number(s.appraisedScore));
    expect(over.length).toBeGreaterThan(0);
    const gaps = wb.getWorksheet("Chênh lệch theo tiêu chí")!;
    const listed = new Map<string, unknown[]>();
    gaps.eachRow((r, n) => n > 1 && listed.set(String(r.getCell(1).value), (r.values as unknown[]).slice(1)));
    for (const s of over) {
      const code = `${s.subCriterion.criterion.area.code}.${s.subCriterion.code}`;
      expect(listed.get(code), code).toEqual([code, s.subCriterion.text, 1, round(Number(s.selfScore) - Number(s.appraisedScore))]);
    }
  });

  it("is refused to a commune user", async () => {
    const a = await tanDuc();
    await actAs("tanduc.chutich");
    expect((await get(xlsxRoute, `/api/cham-diem/xlsx?bo=${a.setId}`)).status).toBe(403);
  });
});

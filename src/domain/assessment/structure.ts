// A criteria set as a tree (areas → criteria → sub-criteria), the form it is imported,
// copied and checked in. Pure.
import { foldText } from "../text";
import { parseFigureRule, ruleProblem, type FigureRule } from "./rules";

export type Scorer = "SELF" | "PROVINCE";

export interface SubCriterionDraft {
  code: string;
  text: string;
  maxPoints: number;
  allowHalf: boolean;
  guidance: string | null;
  expectedEvidence: string | null;
  scoredBy: Scorer;
  figureRule: FigureRule | null;
}

export interface CriterionDraft {
  code: string;
  title: string;
  subCriteria: SubCriterionDraft[];
}

export interface AreaDraft {
  code: string;
  title: string;
  criteria: CriterionDraft[];
}

export interface CriteriaStructure {
  areas: AreaDraft[];
}

export interface ParsedCriteria {
  structure: CriteriaStructure;
  warnings: string[];
}

const ROMAN = /^(?=[IVXLC]+$)C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

function parsePoints(cell: string | undefined): number | null {
  if (!cell) return null;
  const m = cell.replace(/\s/g, "").match(/^(\d+(?:[.,]\d+)?)(?:điểm|đ)?$/i);
  return m ? Number(m[1].replace(",", ".")) : null;
}

type Column = "code" | "text" | "max" | "guidance" | "evidence" | "scorer";

function columnOf(header: string): Column | null {
  const h = foldText(header);
  if (/^(stt|ma|ma so|tt|so tt)$/.test(h)) return "code";
  if (/diem toi da|diem chuan|thang diem/.test(h)) return "max";
  if (/huong dan|cach cham|phuong phap/.test(h)) return "guidance";
  if (/kiem chung|minh chung/.test(h)) return "evidence";
  if (/don vi cham|cham boi|hinh thuc cham|nguoi cham/.test(h)) return "scorer";
  if (/noi dung|tieu chi|linh vuc/.test(h)) return "text";
  return null;
}

/** Steps of half a point are allowed when the maximum or the rule's points need them, or the guidance says so. */
function halfAllowed(max: number, guidance: string | null, rule: FigureRule | null): boolean {
  if (!Number.isInteger(max)) return true;
  if (rule?.steps.some((s) => !Number.isInteger(s.points))) return true;
  return !!guidance && /0[,.]5/.test(guidance);
}

/**
 * Reads the tab-separated table text the plan readers make from .xlsx/.docx (or pasted):
 * a header row naming the columns, then rows coded "I" (area), "1" (criterion) and "1.1"
 * (sub-criterion). A criterion with points and no sub-criteria is scored as one.
 */
export function parseCriteriaText(text: string): ParsedCriteria {
  const warnings: string[] = [];
  const lines = text.normalize("NFC").split(/\r?\n/).map((l) => l.split("\t").map((c) => c.trim()));
  let columns: (Column | null)[] | null = null;
  const areas: AreaDraft[] = [];
  let area: AreaDraft | null = null;
  let criterion: CriterionDraft | null = null;
  const seen = new Set<string>();
  lines.forEach((cells, index) => {
    if (!cells.some(Boolean)) return;
    const mapped = cells.map(columnOf);
    if (mapped.includes("text") && mapped.includes("max")) {
      columns = mapped;
      return;
    }
    if (!columns) return;
    const get = (c: Column) => {
      const i = columns!.indexOf(c);
      return i >= 0 ? (cells[i] ?? "").replace(/\s+/g, " ").trim() : "";
    };
    const code = get("code").replace(/\.$/, "");
    const body = get("text");
    if (!code && !body) return;
    const line = `Dòng ${index + 1}`;
    if (ROMAN.test(code)) {
      area = { code, title: body, criteria: [] };
      areas.push(area);
      criterion = null;
      return;
    }
    if (!area) {
      warnings.push(`${line}: "${body.slice(0, 40)}" đứng trước lĩnh vực đầu tiên, đã bỏ qua.`);
      return;
    }
    const max = parsePoints(get("max"));
    const guidance = get("guidance") || null;
    const expectedEvidence = get("evidence") || null;
    const scoredBy: Scorer = /tinh|tham dinh|dieu tra|khao sat/.test(foldText(get("scorer"))) ? "PROVINCE" : "SELF";
    const sub = (subCode: string, subText: string, points: number): SubCriterionDraft => {
      const rule = parseFigureRule(guidance);
      const problem = rule ? ruleProblem(rule, points) : null;
      if (problem) warnings.push(`${line} (${subCode}): ${problem} Quy tắc đã bỏ qua, chấm theo hướng dẫn.`);
      const key = `${area!.code}.${subCode}`;
      if (seen.has(key)) warnings.push(`${line}: mã ${key} trùng với một tiêu chí trước.`);
      seen.add(key);
      const figureRule = problem ? null : rule;
      return { code: subCode, text: subText, maxPoints: points, allowHalf: halfAllowed(points, guidance, figureRule), guidance, expectedEvidence, scoredBy, figureRule };
    };
    if (/^\d+$/.test(code) || !code) {
      criterion = { code: code || String(area.criteria.length + 1), title: body, subCriteria: [] };
      area.criteria.push(criterion);
      if (max !== null) criterion.subCriteria.push(sub(criterion.code, body, max));
      return;
    }
    if (/^\d+(\.\d+)+$/.test(code)) {
      if (!criterion) {
        criterion = { code: code.split(".")[0], title: body, subCriteria: [] };
        area.criteria.push(criterion);
      }
      if (max === null) {
        warnings.push(`${line} (${code}): không có điểm tối đa, đã bỏ qua.`);
        return;
      }
      criterion.subCriteria.push(sub(code, body, max));
      return;
    }
    warnings.push(`${line}: mã "${code}" không rõ là lĩnh vực, tiêu chí hay tiêu chí thành phần; đã bỏ qua.`);
  });
  if (!columns) warnings.push("Không tìm thấy dòng tiêu đề bảng (cần các cột Nội dung và Điểm tối đa).");
  // A criterion row that carried points and also got sub-criteria: the sub-criteria count.
  for (const a of areas) {
    for (const c of a.criteria) {
      if (c.subCriteria.length > 1 && c.subCriteria[0].code === c.code) c.subCriteria.shift();
    }
  }
  const structure = { areas };
  warnings.push(...structureWarnings(structure));
  return { structure, warnings };
}

/** A maximum as stored (a number, or the database's decimal, which has toNumber). */
export type PointsLike = number | { toNumber(): number };

/**
 * The sum of sub-criteria's maximum points: a set's, an area's or a criterion's total, whatever
 * the sub-criteria come from (a parsed draft, database rows, a document's rows). The one place
 * it is added up, to 2 decimals without binary-fraction noise.
 */
export function sumMaxPoints(subs: Iterable<{ maxPoints: PointsLike }>): number {
  let total = 0;
  for (const s of subs) total += typeof s.maxPoints === "number" ? s.maxPoints : s.maxPoints.toNumber();
  return Math.round(total * 100) / 100;
}

/** The sub-criteria of an area (or of several), in order. */
export function subCriteriaOf<S>(areas: readonly { criteria: readonly { subCriteria: readonly S[] }[] }[]): S[] {
  return areas.flatMap((a) => a.criteria.flatMap((c) => c.subCriteria));
}

export function structureMax(s: CriteriaStructure): number {
  return sumMaxPoints(subCriteriaOf(s.areas));
}

export function subCriteriaCount(s: CriteriaStructure): number {
  return s.areas.reduce((n, a) => n + a.criteria.reduce((m, c) => m + c.subCriteria.length, 0), 0);
}

/** What a reviewer should look at before publishing (not blocking). */
export function structureWarnings(s: CriteriaStructure): string[] {
  const out: string[] = [];
  const max = structureMax(s);
  if (subCriteriaCount(s) && Math.abs(max - 100) > 1e-9) out.push(`Tổng điểm tối đa là ${max.toLocaleString("vi-VN")}, không phải 100.`);
  for (const a of s.areas) {
    if (!a.criteria.length) out.push(`Lĩnh vực ${a.code} chưa có tiêu chí.`);
    for (const c of a.criteria) if (!c.subCriteria.length) out.push(`Tiêu chí ${a.code}.${c.code} chưa có điểm.`);
  }
  return out;
}

/** Problems that block publishing. */
export function publishProblems(s: CriteriaStructure): string[] {
  const out: string[] = [];
  if (!subCriteriaCount(s)) out.push("Bộ tiêu chí chưa có tiêu chí thành phần nào.");
  for (const a of s.areas) for (const c of a.criteria) for (const sc of c.subCriteria) {
    if (!(sc.maxPoints > 0)) out.push(`Tiêu chí ${sc.code}: điểm tối đa phải lớn hơn 0.`);
  }
  return out;
}

// The public results as open data: CSV (one table, one row per figure) and JSON. Both come
// from publicData(), so they carry exactly what the public page shows.
import type { PublicData } from "./queries";

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? "" : typeof v === "number" ? String(Math.round(v * 100) / 100) : String(v);
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) && typeof v !== "number" ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function publicCsv(d: PublicData): string {
  const rows: unknown[][] = [["loai", "xa", "nam", "nhom", "ma", "noi_dung", "muc_tieu", "tu_so", "mau_so", "gia_tri", "don_vi", "danh_gia", "quy_da_duyet"]];
  for (const i of d.indicators) rows.push(["chi_tieu", d.commune, d.year, i.plan, i.code, i.name, i.target, i.numerator, i.denominator, i.done === null ? i.value : i.done ? "Hoàn thành" : "Chưa hoàn thành", i.unit, i.status, i.approvedQuarters.join(" ")]);
  for (const t of d.tasks) rows.push(["nhiem_vu_hoan_thanh", d.commune, d.year, t.plan, t.code, t.content, null, null, null, t.result, null, "Hoàn thành", t.quarter]);
  for (const s of d.surveys) {
    rows.push(["khao_sat_chung", d.commune, d.year, s.title, null, "Chỉ số hài lòng chung", null, s.satisfied, s.answers, s.overall, "%", null, null]);
    for (const a of s.aspects) rows.push(["khao_sat_khia_canh", d.commune, d.year, s.title, null, a.label, null, a.satisfied, a.rated, a.percent, "%", null, null]);
    for (const r of s.reasons) rows.push(["khao_sat_ly_do", d.commune, d.year, s.title, null, r.label, null, null, null, r.count, "phiếu", null, null]);
  }
  // BOM: Excel opens UTF-8 Vietnamese correctly only with it.
  return "\uFEFF" + rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export const OPEN_DATA_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Cache-Control": "public, max-age=300",
};

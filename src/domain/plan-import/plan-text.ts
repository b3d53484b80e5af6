// A whole document pasted as text: body first (metadata, headline targets), then tables
// with tab-separated cells. Never throws: whatever arrives, the preview gets a plan and
// the reasons it is empty.

import { cleanText } from "../text";
import { isHeaderLine } from "./columns";
import { headlineIndicators, type IndicatorDraft } from "./derived";
import { parsePlanGrid, type GridLine } from "./grid";
import { classifyIndicatorGroup, inferValueKind } from "./classify";
import { readMetadata } from "./metadata";
import type { ParsedIndicator, ParsedPlan, ParsedRow, ParsedSection } from "./types";

export const HEADLINE_SECTION_TITLE = "Chỉ tiêu chung của kế hoạch";

/** Share of characters that cannot be text: controls, replacement characters, C1 codes from latin1. */
function garbageRatio(text: string): number {
  if (!text) return 0;
  const bad = text.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g)?.length ?? 0;
  return bad / text.length;
}

function toLines(text: string): string[] {
  return text
    .replace(/^\ufeff/, "")
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .split("\n");
}

/** Tab-split lines from the first table header on; a line after a blank line is after a page break. */
function gridLines(lines: string[], from: number): GridLine[] {
  const out: GridLine[] = [];
  let afterBlank = false;
  for (const line of lines.slice(from)) {
    if (!cleanText(line)) {
      afterBlank = true;
      continue;
    }
    out.push({ cells: line.split("\t"), afterBreak: afterBlank });
    afterBlank = false;
  }
  return out;
}

function shift(row: ParsedRow, offset: number): ParsedRow {
  const moved = { ...row, parentIndex: row.parentIndex === null ? null : row.parentIndex + offset };
  if (moved.type === "indicator" && moved.parentIndicatorIndex !== null) {
    moved.parentIndicatorIndex = moved.parentIndicatorIndex + offset;
  }
  return moved;
}

function headlineRows(drafts: IndicatorDraft[]): ParsedRow[] {
  if (drafts.length === 0) return [];
  const section: ParsedSection = {
    type: "section",
    code: null,
    parentIndex: null,
    depth: 0,
    warnings: [],
    raw: "",
    title: HEADLINE_SECTION_TITLE,
  };
  const indicators = drafts.map((d): ParsedIndicator => {
    const group = classifyIndicatorGroup(d.name);
    return {
      type: "indicator",
      code: null,
      parentIndex: 0,
      depth: 1,
      warnings: ["Trích từ phần nội dung kế hoạch, kiểm tra lại", ...d.warnings],
      raw: d.raw,
      name: d.name,
      group,
      measurementUnit: d.target.unit,
      valueKind: inferValueKind(d.name, d.target, d.target.unit, group),
      target: d.target,
      monitoringUnits: [],
      implementingUnits: [],
      monitoringUnitText: null,
      implementingUnitText: null,
      numeratorLabel: d.numeratorLabel,
      denominatorLabel: d.denominatorLabel,
      parentIndicatorIndex: null,
    };
  });
  return [section, ...indicators];
}

function emptyPlan(warnings: string[]): ParsedPlan {
  return {
    kind: "OTHER",
    title: "",
    documentNumber: null,
    documentDate: null,
    documentDateText: null,
    year: null,
    communeName: null,
    rows: [],
    warnings,
  };
}

function parse(text: string, opts: { year?: number }): ParsedPlan {
  if (!cleanText(text)) return emptyPlan(["Tệp trống, không có nội dung để nhập"]);
  const warnings: string[] = [];
  if (garbageRatio(text) > 0.02) {
    warnings.push("Nội dung có nhiều ký tự không đọc được; tệp có thể không phải văn bản (hãy dán nội dung hoặc dùng tệp .docx/.xlsx)");
  }
  const lines = toLines(text);
  const headerAt = lines.findIndex((line) => line.includes("\t") && isHeaderLine(line.split("\t")));
  const body = headerAt < 0 ? lines : lines.slice(0, headerAt);
  const meta = readMetadata(body, opts);
  if (!meta.title) warnings.push("Không tìm thấy tiêu đề kế hoạch; cần nhập tiêu đề");

  if (headerAt < 0) {
    warnings.push('Không tìm thấy bảng nhiệm vụ hoặc chỉ tiêu (cần dòng tiêu đề có cột "STT" cách nhau bằng tab)');
    return { ...meta, rows: [], warnings };
  }
  let year = meta.year;
  if (year === null) {
    const headerYear = /n[ăa]m (\d{4})/i.exec(lines[headerAt]);
    year = headerYear ? Number(headerYear[1]) : null;
  }
  const grid = parsePlanGrid(gridLines(lines, headerAt), { year });
  const headline = headlineRows(headlineIndicators(body));
  const rows = [...headline, ...grid.rows.map((row) => shift(row, headline.length))];
  if (year === null) warnings.push("Không xác định được năm của kế hoạch; các thời hạn ghi thiếu năm chưa có ngày");
  return { ...meta, year, rows, warnings: [...warnings, ...grid.warnings] };
}

export function parsePlanText(text: string, opts: { year?: number } = {}): ParsedPlan {
  try {
    return parse(typeof text === "string" ? text : "", opts ?? {});
  } catch (error) {
    // A parser bug must not break the import page: report it like any other problem.
    const reason = error instanceof Error ? error.message : String(error);
    return emptyPlan([`Lỗi khi đọc tệp, không nhập được: ${reason}`]);
  }
}

// Column meaning comes from header text, never from position: the four seed plans order
// their columns differently, and two of them split the header over two lines.

import { foldText } from "../text";
import { cellText } from "./html";

export type ColumnRole =
  | "code"
  | "name"
  | "target"
  | "measurementUnit"
  | "monitoring"
  | "implementing"
  | "units"
  | "lead"
  | "coordinating"
  | "content"
  | "requirement"
  | "expectedResult"
  | "deadline"
  | "group"
  | "note"
  | "unknown";

/** Tried in order; the first match wins ("Thời gian thực hiện" is a deadline, not an implementer). */
const HEADER_RULES: [ColumnRole, RegExp][] = [
  ["code", /^(stt|tt|so tt|so thu tu)$/],
  ["target", /^(chi tieu (phan dau|nam|ke hoach|giao|dat)|muc tieu|chi tieu .*nam \d{4})/],
  ["name", /^(noi dung chi tieu|ten chi tieu|chi tieu|danh muc chi tieu)\b/],
  ["deadline", /^(thoi gian|thoi han|tien do|han hoan thanh|moc thoi gian)/],
  ["requirement", /^yeu cau/],
  ["expectedResult", /^(ket qua|san pham|dau ra)/],
  ["monitoring", /^(don vi|co quan|bo phan) theo doi|theo doi, huong dan/],
  ["units", /^(co quan, don vi thuc hien|(co quan|don vi) chu tri, phoi hop|trach nhiem thuc hien)$/],
  ["lead", /chu tri/],
  ["coordinating", /phoi hop/],
  ["implementing", /^((don vi|co quan|bo phan|nguoi|can bo, cong chuc|cac nganh, cong chuc|cong chuc) thuc hien)/],
  ["measurementUnit", /^(don vi|don vi tinh|dvt|don vi do)$/],
  ["content", /^(noi dung|nhiem vu|linh vuc|cong viec|ten nhiem vu|giai phap)/],
  ["group", /^(trach nhiem|phan cong)/],
  ["note", /^ghi chu/],
];

/** The role of one header cell, null when the cell is empty. */
export function classifyHeader(cell: string): ColumnRole | null {
  const text = foldText(cellText(cell)).replace(/[:.]+$/, "");
  if (!text) return null;
  for (const [role, pattern] of HEADER_RULES) if (pattern.test(text)) return role;
  return "unknown";
}

/** A header line: one cell says "STT" and at least one other is a known column. */
export function isHeaderLine(cells: string[]): boolean {
  const roles = cells.map(classifyHeader);
  const codeAt = roles.indexOf("code");
  if (codeAt < 0) return false;
  return roles.some((role, i) => i !== codeAt && role !== null && role !== "unknown" && role !== "code");
}

/** The second line of a two-line header: first cell empty, every other filled cell a known column. */
export function isSubHeaderLine(cells: string[]): boolean {
  const roles = cells.map(classifyHeader);
  if (roles[0] !== null) return false;
  const filled = roles.filter((r) => r !== null);
  return filled.length > 0 && filled.every((r) => r !== "unknown" && r !== "code");
}

export interface TableLayout {
  roles: ColumnRole[];
  headers: string[];
  kind: "task" | "indicator";
  /** Year written in a header ("Chỉ tiêu phấn đấu năm 2025"), if any. */
  headerYear: number | null;
  signature: string;
}

export function buildLayout(main: string[], sub: string[] | null): TableLayout {
  const width = Math.max(main.length, sub?.length ?? 0);
  const roles: ColumnRole[] = [];
  const headers: string[] = [];
  for (let i = 0; i < width; i++) {
    const subText = sub ? cellText(sub[i]) : "";
    const mainText = cellText(main[i]);
    const text = subText || mainText;
    headers.push(text);
    roles.push(classifyHeader(text) ?? "unknown");
  }
  const hasTarget = roles.includes("target");
  const kind = hasTarget && !roles.includes("deadline") ? "indicator" : "task";
  // In an indicator table the row's text column is the indicator name whatever its header says.
  if (kind === "indicator") roles.forEach((r, i) => r === "content" && !roles.includes("name") && (roles[i] = "name"));
  if (kind === "task") roles.forEach((r, i) => r === "name" && !roles.includes("content") && (roles[i] = "content"));
  const yearMatch = /nam (\d{4})/.exec(foldText(headers.join(" ")));
  return {
    roles,
    headers,
    kind,
    headerYear: yearMatch ? Number(yearMatch[1]) : null,
    signature: roles.join("|"),
  };
}

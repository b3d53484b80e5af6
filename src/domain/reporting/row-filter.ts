// Finding a row among the 35–87 of a report: a search that ignores diacritics ("ho so"
// finds "hồ sơ") and the filters a clerk or chairman asks for.
import { foldText } from "../text";

/** True when every word of the query appears in the text, ignoring case and diacritics ("ho so" finds "hồ sơ"). */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = foldText(text);
  return foldText(query)
    .split(" ")
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

export type RowFilter = "" | "empty" | "red" | "commented" | "changed";

export const ROW_FILTER_LABEL: Record<RowFilter, string> = {
  "": "Tất cả các dòng",
  empty: "Chưa nhập",
  red: "Chưa đạt / có nguy cơ / quá hạn",
  commented: "Có nhận xét của cấp trên",
  changed: "Đã sửa sau khi trả lại",
};

export interface RowFacts {
  /** Code, name or content, units: what a search looks in. */
  text: string;
  unitIds: string[];
  /** Nothing entered for this quarter. */
  empty: boolean;
  /** Chưa đạt or có nguy cơ (indicators), overdue (tasks). */
  red: boolean;
  commented: boolean;
  changed?: boolean;
}

export interface RowQuery {
  search: string;
  filter: RowFilter;
  unitId: string;
}

export const NO_QUERY: RowQuery = { search: "", filter: "", unitId: "" };

export function rowMatches(row: RowFacts, q: RowQuery): boolean {
  if (q.unitId && !row.unitIds.includes(q.unitId)) return false;
  if (q.filter === "empty" && !row.empty) return false;
  if (q.filter === "red" && !row.red) return false;
  if (q.filter === "commented" && !row.commented) return false;
  if (q.filter === "changed" && !row.changed) return false;
  return !q.search.trim() || matchesSearch(row.text, q.search);
}

export const isQueryActive = (q: RowQuery) => !!(q.search.trim() || q.filter || q.unitId);

// The one rule for indicators proposed from a task's expected result: a clause that states a
// level to reach is a quantified result, and the clerk accepts or rejects it in the preview.
//   - a level introduced by a comparison: "Tối thiểu 01 sáng kiến …", "Đạt 100% số văn bản …",
//     "Tối thiểu 90% số cơ sở nhà, đất …", "≥ 90% …", "Trên 80% nhiệm vụ …";
//   - a share of records, documents or officials, the figures a commune counts every quarter:
//     "100% hồ sơ, kết quả giải quyết được số hóa", "Đảm bảo 100% cán bộ, công chức được đào tạo".
// Not proposed: the task's own completion ("Hoàn thành 100% Kế hoạch": that is the task's
// progress) and a level that belongs to another body ("… của huyện đạt 90%").
// "Tỷ lệ … đạt X%" clauses are read by derived.ts, which names the ratio as written.

import { cleanText } from "../text";
import { capitalizeFirst, foldKeepIndex, lowerFirst } from "./fold";

/** A number with its unit: a percentage or a count of named things ("01 sáng kiến"). */
const AMOUNT = /(?<![\d/.,])(\d+(?:[.,]\d+)?)\s*(%|sang kien|giai phap|mo hinh|cuoc|lop|buoi|luot)?(?=[\s,.;:)]|$)/g;
// Folding merges words ("tử" and "từ"): the comparison word is checked as written too.
const COMPARISON = /(?:^|[\s(])(dat|toi thieu|it nhat|khong duoi|tu|tren)\s*(?:dat\s*)?(?:muc\s*)?$/;
const COMPARISON_AS_WRITTEN = new Set(["đạt", "tối thiểu", "ít nhất", "không dưới", "từ", "trên"]);
/** What a commune counts through the year: records, documents, officials. */
const COUNTED = /^\s*(?:cac\s+|so\s+)?(ho so|van ban|can bo|cong chuc)\b/;
const OWN_COMPLETION = /^\s*(?:[-+•–]\s*)?hoan thanh\b/;

/** The clause names a level of another body (district, province, their offices) and not the commune's. */
export function isOtherLevel(clause: string): boolean {
  const folded = foldKeepIndex(clause);
  return /\b(cua huyen|cap huyen|ubnd huyen|cua tinh|cap tinh|ubnd tinh)\b/.test(folded) && !/\b(cap xa|ubnd xa|cua xa)\b/.test(folded);
}

function comparisonBefore(clause: string, folded: string, at: number): string | null {
  const before = folded.slice(0, at);
  if (/(?:≥|>=|>)\s*$/.test(before)) return before.trimEnd().endsWith(">") ? "trên" : "tối thiểu";
  const m = COMPARISON.exec(before);
  if (!m) return null;
  const start = before.lastIndexOf(m[1]);
  const word = clause.slice(start, start + m[1].length).toLocaleLowerCase("vi");
  return COMPARISON_AS_WRITTEN.has(word) ? word : null;
}

function tidyObject(text: string): string {
  // The object ends where the sentence does, or before a "Trong đó:" that explains it.
  const cut = text.split(/\.\s+|;\s*|\s+trong đó\s*:|\s+(?:theo|tại)\s+(?:quy định|Nghị định|Quyết định|Thông tư|Luật)\b|\s+(?:đến|trước|chậm nhất)\s+(?:ngày\s+)?\d{1,2}\/\d/iu)[0];
  return cleanText(cut).replace(/^[\s,:–-]+|[\s,;:.–-]+$/g, "");
}

export interface QuantifiedResult {
  name: string;
  targetText: string;
}

/**
 * The indicator a quantified expected result states, or null. The name says what is counted
 * ("Tỷ lệ cán bộ, công chức được đào tạo …", "Số sáng kiến, giải pháp được công nhận …"), the
 * target is the level as written ("Tối thiểu 01 sáng kiến", "Đạt 100%").
 */
export function quantifiedResult(clause: string): QuantifiedResult | null {
  const text = cleanText(clause);
  const folded = foldKeepIndex(text);
  if (OWN_COMPLETION.test(folded) || isOtherLevel(text)) return null;
  for (const m of folded.matchAll(AMOUNT)) {
    const at = m.index!;
    const end = at + m[0].length;
    const unit = m[2];
    if (!unit) continue;
    const comparison = comparisonBefore(text, folded, at);
    const object = tidyObject(text.slice(end));
    if (!object) continue;
    const level = `${text.slice(at, at + m[1].length)}${unit === "%" ? "%" : ` ${text.slice(end - unit.length, end)}`}`;
    const targetText = capitalizeFirst(comparison ? `${comparison} ${level}` : level);
    if (unit === "%") {
      // A bare share needs the things a commune counts; a compared one stands on its own.
      if (!comparison && !(COUNTED.test(foldKeepIndex(object)) && /^(?:\s*dam bao\s*)?$/.test(folded.slice(0, at)))) continue;
      return { name: `Tỷ lệ ${lowerFirst(object.replace(/^(?:số|các)\s+/iu, ""))}`, targetText };
    }
    // A count is a target only with its comparison ("tối thiểu 01 cuộc"); "01 lớp" alone is a fact.
    if (!comparison || comparison === "đạt") continue;
    const joiner = /^\s*,/.test(text.slice(end)) ? ", " : " ";
    // "Kiểm tra tối thiểu 02 lượt tại các bộ phận": the count is of the verb's act ("lượt kiểm tra").
    const verb = cleanText(text.slice(0, at)).replace(new RegExp(`\\s*${comparison}$`, "iu"), "");
    const act = verb && /^(?:tại|ở|trong|về|cho|đối với)\s/iu.test(object) ? ` ${lowerFirst(verb)}` : "";
    return { name: `Số ${text.slice(end - unit.length, end)}${act}${joiner}${lowerFirst(object)}`, targetText };
  }
  return null;
}

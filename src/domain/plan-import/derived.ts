// Measurable indicators hidden in prose. PAR/SIPAS plans are task tables, but their body
// states headline targets ("Chỉ số cải cách hành chính ... đạt tối thiểu 85 điểm trở lên")
// and their tasks state ratios ("Tỷ lệ hồ sơ trực tuyến toàn trình ... đạt từ 70% trở lên").
// Without these, such a plan would have nothing to measure through the year.

import { cleanText, foldText } from "../text";
import { capitalizeFirst, foldKeepIndex, splitFolded } from "./fold";
import { cellLines, stripBullet } from "./html";
import { isOtherLevel, quantifiedResult } from "./quantified";
import { parseTarget } from "./target";
import type { ParsedTarget } from "./types";

export interface IndicatorDraft {
  name: string;
  target: ParsedTarget;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  warnings: string[];
  raw: string;
}

const PERCENT = /\d+(?:[.,]\d+)?\s*%/;
const QUALIFIER_AT_END = /\s(toi thieu|tu|it nhat|tren|toi da|khong qua|khong duoi)\s*$/;
// Folding merges words: "tử" (điện tử) folds like "từ" (from). Qualifiers are checked as written.
const QUALIFIERS = new Set(["tối thiểu", "từ", "ít nhất", "trên", "tối đa", "không quá", "không dưới"]);

/** Start of a target qualifier ("tối thiểu", "từ") ending `text`, or -1. */
function qualifierAtEnd(text: string): number {
  const m = QUALIFIER_AT_END.exec(foldKeepIndex(text));
  if (!m) return -1;
  const word = text.slice(m.index + 1, m.index + 1 + m[1].length).toLocaleLowerCase("vi");
  return QUALIFIERS.has(word) ? m.index : -1;
}

function tidy(text: string): string {
  return cleanText(text).replace(/^[\s,;:.\-–]+|[\s,;:.\-–]+$/g, "");
}

/** The clauses of a cell that may each state one target: lines, then ";", sentences, "..., tỷ lệ ...". */
export function targetClauses(text: string): string[] {
  return cellLines(text)
    .flatMap((line) => splitFolded(line, /\s*;\s*/))
    .flatMap((part) => part.split(/(?<=\.)\s+(?=\p{Lu})/u))
    .flatMap((part) => splitFolded(part, /,\s+(?=(?:phan dau\s+)?ty le\b)|\s+va\s+(?=ty le\b)/))
    .map(cleanText)
    .filter(Boolean);
}

/** Index of the verb "đạt" (not "đất", which folds the same) and its length with spaces. */
function findReach(text: string): { at: number; length: number } | null {
  const folded = foldKeepIndex(text);
  for (const m of folded.matchAll(/\sdat\s/g)) {
    if (text.slice(m.index! + 1, m.index! + 4).toLocaleLowerCase("vi") === "đạt") return { at: m.index!, length: m[0].length };
  }
  return null;
}

/**
 * "tỷ lệ X bình quân tối thiểu đạt 100%" -> name "tỷ lệ X bình quân", target "tối thiểu đạt 100%".
 * Without "đạt" the target starts at the number (or the qualifier in front of it).
 */
export function splitNameAndTarget(sentence: string): { name: string; targetText: string } | null {
  const reach = findReach(sentence);
  let nameEnd: number;
  let targetStart: number;
  if (reach) {
    nameEnd = reach.at;
    targetStart = reach.at + reach.length;
  } else {
    const number = PERCENT.exec(sentence);
    if (!number) return null;
    nameEnd = targetStart = number.index;
  }
  for (let q = qualifierAtEnd(sentence.slice(0, nameEnd)); q >= 0; q = qualifierAtEnd(sentence.slice(0, nameEnd))) {
    nameEnd = targetStart = q;
  }
  const targetText = tidy(sentence.slice(targetStart));
  const name = tidy(sentence.slice(0, nameEnd));
  if (!PERCENT.test(targetText) || !name) return null;
  return { name: capitalizeFirst(name), targetText };
}

/** "Tỷ lệ X = A/B" -> A and B; null when the text defines no ratio. */
export function ratioDefinition(text: string): { numerator: string; denominator: string } | null {
  const flat = cleanText(cellLines(text).join(" "));
  const m = /ty le[^=]{2,200}=\s*/.exec(foldKeepIndex(flat));
  if (!m) return null;
  const rest = flat.slice(m.index + m[0].length);
  const slash = /\s*\/\s*(?=\p{Lu})/u.exec(rest) ?? /(?<!\d)\s*\/\s*(?!\d)/.exec(rest);
  if (!slash) return null;
  let denominator = rest.slice(slash.index + slash[0].length);
  const sentenceEnd = /\.\s+(?=\p{Lu})/u.exec(denominator);
  if (sentenceEnd) denominator = denominator.slice(0, sentenceEnd.index);
  const numerator = tidy(rest.slice(0, slash.index));
  denominator = tidy(denominator);
  return numerator && denominator ? { numerator, denominator } : null;
}

/**
 * A note that defines a ratio: "Tử số: …; mẫu số: …" gives both labels, "Trên tổng số …"
 * the denominator alone.
 */
export function ratioFromNote(note: string | null | undefined): { numerator: string | null; denominator: string | null } | null {
  if (!note) return null;
  const flat = cleanText(cellLines(note).join(" "));
  const folded = foldKeepIndex(flat);
  const num = /\btu so\s*(?:la|:)?\s*/.exec(folded);
  const den = /\bmau so\s*(?:la|:)?\s*/.exec(folded);
  const clause = (m: RegExpExecArray | null) => {
    if (!m) return null;
    const rest = flat.slice(m.index + m[0].length);
    return tidy(rest.split(/\s*[;.]\s*|\s*,?\s*(?=mẫu số|Mẫu số|tử số|Tử số)/)[0]) || null;
  };
  if (num || den) return { numerator: clause(num), denominator: clause(den) };
  const over = /\b(?:tren|so voi)\s+(tong so\b.*)$/.exec(folded);
  if (over) return { numerator: null, denominator: tidy(flat.slice(over.index + over[0].length - over[1].length)) || null };
  return null;
}

/** A clause that opens with "Tỷ lệ" (after "- " or "Phấn đấu"), without that lead-in. */
function ratioClause(clause: string): string | null {
  const m = /^(?:[-+•–]\s*)?(?:phan dau\s+)?(?=ty le\b)/.exec(foldKeepIndex(clause));
  return m ? clause.slice(m[0].length) : null;
}

function isRatioName(text: string): boolean {
  return /^ty le\b/.test(foldText(stripBullet(text)));
}

/** The target of a "Tỷ lệ" task: the requirement clause with a %, the commune-level one if levels differ. */
function targetForRatioContent(source: string): { clause: string | null; warnings: string[] } | null {
  const stated = targetClauses(source).filter((c) => PERCENT.test(c));
  if (stated.length === 0) return null;
  // "… của huyện đạt 90%" is the district's level, not the commune's: the clerk is asked for it.
  const withNumber = stated.filter((c) => !isOtherLevel(c));
  if (withNumber.length === 0) {
    return { clause: null, warnings: [`Văn bản chỉ ghi mức của cấp khác (“${stated[0]}”), không phải của xã; cần nhập chỉ tiêu của xã`] };
  }
  if (stated.length === 1) return { clause: stated[0], warnings: [] };
  const commune = withNumber.find((c) => /\b(cap xa|ubnd xa)\b/.test(foldText(c)));
  if (commune) {
    return { clause: commune, warnings: [`Yêu cầu ghi nhiều mức theo cấp; đã lấy mức của cấp xã: "${commune}"`] };
  }
  if (withNumber.length === 1) return { clause: withNumber[0], warnings: [`Yêu cầu ghi nhiều mức theo cấp; đã lấy mức không thuộc cấp khác: "${withNumber[0]}"`] };
  return { clause: withNumber[0], warnings: [`Yêu cầu có nhiều con số; đã lấy con số đầu tiên: "${withNumber[0]}"`] };
}

export interface TaskText {
  content: string;
  requirement: string | null;
  expectedResult: string | null;
}

/** Ratio indicators a task states. A task whose content is itself "Tỷ lệ ..." gives exactly one. */
export function indicatorsFromTask(task: TaskText): IndicatorDraft[] {
  const source = [task.requirement, task.expectedResult].filter(Boolean).join("\n");
  const ratio = ratioDefinition([task.content, source].join("\n"));
  const labels = { numeratorLabel: ratio?.numerator ?? null, denominatorLabel: ratio?.denominator ?? null };

  if (isRatioName(task.content)) {
    const found = targetForRatioContent(source);
    if (!found) return [];
    const clause = found.clause;
    const targetText = clause === null ? "" : (splitNameAndTarget(stripBullet(clause))?.targetText ?? tidy(stripBullet(clause)));
    const name = tidy(stripBullet(cellLines(task.content).join(" ")));
    return [{ name, target: parseTarget(targetText), ...labels, warnings: found.warnings, raw: clause ?? source }];
  }

  const drafts: IndicatorDraft[] = [];
  const seen = new Set<string>();
  for (const cell of [task.content, task.requirement, task.expectedResult]) {
    for (const clause of targetClauses(cell ?? "")) {
      const sentence = ratioClause(clause);
      // The content names the task; only the requirement and result state what it must reach.
      const split = sentence ? splitNameAndTarget(sentence) : cell === task.content ? null : quantifiedResult(stripBullet(clause));
      if (!split || seen.has(foldText(split.name))) continue;
      seen.add(foldText(split.name));
      const own = ratioDefinition(clause);
      drafts.push({
        name: split.name,
        target: parseTarget(split.targetText),
        numeratorLabel: own?.numerator ?? null,
        denominatorLabel: own?.denominator ?? null,
        warnings: [],
        raw: clause,
      });
    }
  }
  return drafts;
}

const HEADLINE =
  /((?:chi so|muc do hai long)[^.;:!?]{0,150}?)\sdat\s+((?:(?:toi thieu|tu|tren|it nhat|khong duoi)\s+)*\d+(?:[.,]\d+)?\s*(?:%|diem\b)(?:\s+tro len)?)/g;

/** Headline targets stated in the plan body (text before the first table). */
export function headlineIndicators(bodyLines: string[]): IndicatorDraft[] {
  const drafts: IndicatorDraft[] = [];
  const seen = new Set<string>();
  for (const rawLine of bodyLines) {
    const line = cleanText(rawLine.replace(/[*#]+/g, " "));
    const folded = foldKeepIndex(line);
    for (const m of folded.matchAll(HEADLINE)) {
      const nameEnd = m.index! + m[1].length;
      if (line.slice(nameEnd + 1, nameEnd + 4).toLocaleLowerCase("vi") !== "đạt") continue;
      const name = capitalizeFirst(tidy(line.slice(m.index!, nameEnd)));
      const targetStart = m.index! + m[0].length - m[2].length;
      const targetText = tidy(line.slice(targetStart, m.index! + m[0].length));
      const key = foldText(name);
      if (seen.has(key)) continue;
      seen.add(key);
      drafts.push({
        name,
        target: parseTarget(targetText),
        numeratorLabel: null,
        denominatorLabel: null,
        warnings: [],
        raw: line,
      });
    }
  }
  return drafts;
}

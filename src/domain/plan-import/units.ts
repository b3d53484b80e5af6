// Responsible units as cells name them. Cells range from clean lists ("A; B") through
// bullets ("- Văn phòng - Thống kê chủ trì. - Các ban, ngành ... phối hợp.") to prose
// ("Phòng Văn hóa - xã hội theo dõi, đôn đốc, tổng hợp ..."), where the unit is the
// subject and ends at the first action verb. Commas and " - " occur inside unit names
// ("Cán bộ, công chức thuộc UBND xã", "Văn phòng - Thống kê"), so neither splits a list.

import { cleanText, foldText } from "../text";
import { capitalizeFirst, foldKeepIndex, splitFolded } from "./fold";
import { cellLines, stripBullet } from "./html";

export type UnitRole = "lead" | "coordinating" | "monitoring" | null;

export interface UnitMention {
  name: string;
  /** What the cell says the unit does: "chủ trì" -> lead, "phối hợp" -> coordinating, "theo dõi" -> monitoring. */
  role: UnitRole;
}

// Folded verbs that end a unit name in prose. "tổ chức" and "kiểm tra" are also nouns inside
// names ("Các tổ chức chính trị - xã hội", "Đoàn kiểm tra"), hence the guard on the word before.
const VERBS = [
  "chu tri",
  "theo doi",
  "tham muu",
  "thuc hien",
  "tong hop",
  "don doc",
  "kiem tra",
  "phoi hop",
  "nghiem tuc",
  "bao cao",
  "trien khai",
  "ban hanh",
  "cung cap",
  "thuong xuyen",
  "khi",
  "tren co so",
  "duoc",
  "chuan bi",
  "nghien cuu",
  "to chuc",
  "tham gia",
  "huong dan",
  "niem yet",
  "cong khai",
  "chu dong",
  "co trach nhiem",
  "xu ly",
  "cap nhat",
  "de nghi",
  "ra soat",
  "dang tai",
  "giai trinh",
  "gui",
  "xay dung",
  "tiep tuc",
  "dam bao",
  "giam sat",
  "danh gia",
  "tham dinh",
  "tu kiem tra",
];
const VERB_PATTERN = new RegExp(`(?<![\\p{L}\\d])(${VERBS.join("|")})(?![\\p{L}\\d])`, "gu");
const NOUN_BEFORE_VERB = /(?:^|\s)(cac|va|nhung|doan|to|ban|hoi dong)\s*$/;

// Words a unit name starts with, for segments that are not obviously names (lower-case or
// after a sentence break): "công chức Văn hóa và Thông tin" is a unit, "kịp thời cập nhật" is not.
const UNIT_HEADS =
  /^(cong chuc|can bo|cac |phong|van phong|bo phan|ban |trung tam|ubnd|uy ban|hdnd|mttq|mat tran|doan|hoi |to |nguoi|tu phap|tai chinh|van hoa|dia chinh|quan su|cong an|chu tich|pho chu tich|lanh dao|dai |tram|truong (thon|ban|phong|to|xom|khu)|thu truong|vp)/;

function looksLikeUnitStart(segment: string): boolean {
  return /^\p{Lu}/u.test(segment) || UNIT_HEADS.test(foldText(segment));
}

function cutAtVerb(segment: string): { name: string; tail: string } {
  const folded = foldKeepIndex(segment);
  for (const m of folded.matchAll(VERB_PATTERN)) {
    const at = m.index!;
    if (at === 0) continue;
    if (NOUN_BEFORE_VERB.test(folded.slice(0, at)) && (m[1] === "to chuc" || m[1] === "kiem tra")) continue;
    return { name: segment.slice(0, at), tail: folded.slice(at) };
  }
  return { name: segment, tail: "" };
}

function roleFromTail(tail: string): UnitRole {
  if (/^(chu tri|tham muu)/.test(tail)) return "lead";
  if (/^phoi hop(?! voi)/.test(tail)) return "coordinating";
  if (/^theo doi/.test(tail)) return "monitoring";
  return null;
}

function tidyName(name: string): string {
  return cleanText(name.replace(/^[\s\-–+•.,;:]+|[\s\-–+•.,;:]+$/g, ""));
}

/**
 * "Bộ phận TN&TKQ xã Bộ phận TN&TKQ xã" and "Bộ phận TN&TKQ xã Tur pháp – Hộ tịch xã" are two
 * names glued by the PDF extraction. Split after " xã " when what follows is itself a
 * capitalised name ending in " xã"; "UBND xã Tân Đức" stays whole.
 */
function splitGluedNames(name: string): string[] {
  const m = /^(.+? xã) (\p{Lu}.* xã)$/u.exec(name);
  if (!m) return [name];
  return [m[1], ...splitGluedNames(m[2])];
}

interface Segment {
  text: string;
  afterSentence: boolean;
  /** "phối hợp (với) X": X coordinates whatever verb follows it. */
  forcedRole: UnitRole;
}

// Comma phrases that are one name: "Cán bộ, công chức", "Các cơ quan, đơn vị", "các ban, ngành".
const FIXED_COMMA = /(can bo|co quan|ban|nganh|to chuc|cong chuc|don vi)\s*,\s*(?=(cong chuc|don vi|nganh|doan the|to chuc|ca nhan|vien chuc|dia phuong)(?![\p{L}\d]))/gu;
// "A và B" is two units only when B starts like a unit of its own; "HĐND và UBND",
// "Văn hóa và Thông tin", "Tiếp nhận và Trả kết quả" stay one name.
const AND_UNIT = /\s+va\s+(?=(cac|cbcc|can bo|cong chuc|dai|bo phan|phong|van phong|trung tam|doan|hoi|mttq|mat tran|to dan pho|thon)(?![\p{L}\d]))/u;
const COORDINATE_PREFIX = /^phoi hop(?: voi)?\s+/;

/**
 * "A, B" lists: a comma starts another unit only when what follows starts like a unit
 * ("Văn phòng UBND, Công chức phụ trách …", "Trung tâm …, các phòng chuyên môn") or with
 * "phối hợp (với)"; otherwise (prose, "tiếp nhận, giải quyết TTHC") the comma stays inside.
 * Lower-case words continuing a "Các …" group stay in it ("Các ban, ngành, công chức liên quan").
 */
function commaPieces(text: string): string[] {
  const folded = foldKeepIndex(text);
  const fixed = new Set<number>();
  for (const m of folded.matchAll(FIXED_COMMA)) fixed.add(m.index! + m[0].indexOf(","));
  const pieces: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (ch === "," && depth === 0 && !fixed.has(i)) {
      const rest = text.slice(i + 1).trimStart();
      const restFolded = foldText(rest);
      const prev = foldText(text.slice(start, i));
      const startsUnit = UNIT_HEADS.test(restFolded) || COORDINATE_PREFIX.test(restFolded);
      const continuesGroup = /^(cac|nhung) /.test(prev) && /^\p{Ll}/u.test(rest) && !/^(cac|phoi hop)\b/.test(restFolded);
      if (startsUnit && !continuesGroup) {
        pieces.push(text.slice(start, i));
        start = i + 1;
      }
    }
  }
  pieces.push(text.slice(start));
  return pieces.map(cleanText).filter(Boolean);
}

function segmentsOf(cell: string): Segment[] {
  const out: Segment[] = [];
  for (const line of cellLines(cell)) {
    // "Văn phòng - Thống kê và các ngành liên quan": "và các" starts another unit.
    for (const part of splitFolded(stripBullet(line), new RegExp(`\\s*;\\s*|${AND_UNIT.source}`, "u"))) {
      const sentences = part.split(/(?<=\.)\s+(?=\p{Lu})/u);
      sentences.forEach((sentence, i) => {
        // "A/B" lists two units; a slash inside prose ("xử lý/kiến nghị") is followed by lower case.
        const slashParts = sentence.split(/(?<=\p{L})\s*\/\s*(?=\p{Lu})/u);
        slashParts.forEach((slashPart, j) => {
          commaPieces(cleanText(slashPart)).forEach((piece, k) => {
            const prefix = COORDINATE_PREFIX.exec(foldKeepIndex(piece));
            out.push({
              text: prefix ? piece.slice(prefix[0].length) : piece,
              afterSentence: i > 0 && j === 0 && k === 0,
              forcedRole: prefix ? "coordinating" : null,
            });
          });
        });
      });
    }
  }
  return out;
}

// Tails that only say the unit's role; anything longer is an instruction worth keeping as a note.
const ROLE_ONLY_TAIL = /^(chu tri|phoi hop|theo doi|thuc hien|tham gia|tham muu)(\s+(thuc hien|theo doi|tong hop))?[\s.;,]*$/;

export interface UnitCell {
  mentions: UnitMention[];
  /** The cell says more than units and their roles: an instruction, a reporting date. */
  hasInstructions: boolean;
}

/** Every unit the cell names, in order, with the role the cell gives it, and whether prose is left. */
export function readUnitCell(cell: string | null | undefined): UnitCell {
  if (!cell) return { mentions: [], hasInstructions: false };
  const mentions: UnitMention[] = [];
  const seen = new Set<string>();
  let hasInstructions = false;
  for (const segment of segmentsOf(cell)) {
    let text = segment.text;
    // "Các công chức: Văn phòng - Thống kê" - the label before the colon is not a unit.
    const labelled = /^[^:]{1,40}:\s*(\S.*)$/.exec(text);
    if (labelled) text = labelled[1];
    text = tidyName(text);
    if (!text || /^[-–—.]+$/.test(text)) continue;
    const isUnit = !((segment.afterSentence || /^\p{Ll}/u.test(text)) && !UNIT_HEADS.test(foldText(text))) && looksLikeUnitStart(text);
    if (!isUnit) {
      hasInstructions = true;
      continue;
    }
    const { name, tail } = cutAtVerb(text);
    if (tail && !ROLE_ONLY_TAIL.test(tail)) hasInstructions = true;
    const role = segment.forcedRole ?? roleFromTail(tail);
    for (const part of splitGluedNames(tidyName(name))) {
      const key = normalizeUnitKey(part);
      if (!part || !key || seen.has(key)) continue;
      seen.add(key);
      mentions.push({ name: capitalizeFirst(part), role });
    }
  }
  return { mentions, hasInstructions };
}

/**
 * The row's note from its unit cells: each cell that says more than units and roles, whole,
 * so an instruction or a reporting date in it is never dropped.
 */
export function unitCellNote(cells: [string | null | undefined, boolean][]): string | null {
  const kept = cells.filter(([cell, prose]) => cell && prose).map(([cell]) => cleanText(cell!.replace(/<[^>]+>/g, " ")));
  return kept.length ? kept.join("\n") : null;
}

/** Every unit the cell names, in order, with the role the cell gives it. */
export function extractUnits(cell: string | null | undefined): UnitMention[] {
  return readUnitCell(cell).mentions;
}

/**
 * A cell that holds both lead and coordinating units. Units followed by "chủ trì" lead,
 * by "phối hợp" coordinate; without such words the first unit leads and the rest coordinate.
 */
export function splitUnits(cell: string): { lead: string[]; coordinating: string[] } {
  const mentions = extractUnits(cell);
  const hasExplicitLead = mentions.some((m) => m.role === "lead");
  const lead: string[] = [];
  const coordinating: string[] = [];
  for (const m of mentions) {
    if (m.role === "lead") lead.push(m.name);
    else if (m.role === "coordinating") coordinating.push(m.name);
    else if (!hasExplicitLead && lead.length === 0) lead.push(m.name);
    else coordinating.push(m.name);
  }
  return { lead, coordinating };
}

const ABBREVIATIONS: [RegExp, string][] = [
  [/\btn va tkq\b/g, "tiep nhan va tra ket qua"],
  [/\btn va trkq\b/g, "tiep nhan va tra ket qua"],
  [/\btn tkq\b/g, "tiep nhan va tra ket qua"],
  [/\bhdnd ubnd\b/g, "hdnd va ubnd"],
  [/\bcc\b/g, "cong chuc"],
  [/\buy ban nhan dan\b/g, "ubnd"],
  [/\bhoi dong nhan dan\b/g, "hdnd"],
  [/\bmat tran to quoc\b/g, "mttq"],
  [/\bvp\b/g, "van phong"],
  [/\btk\b/g, "thong ke"],
  [/\bvh\b/g, "van hoa"],
  [/\bxh\b/g, "xa hoi"],
  [/\bpvhcc\b/g, "phuc vu hanh chinh cong"],
  [/\bcbcc\b/g, "can bo cong chuc"],
];

/**
 * Diacritic-insensitive key for matching a unit name against existing units:
 * "VP UBND xã" and "Văn phòng UBND" give "van phong ubnd"; "HĐND&UBND" equals "HĐND và UBND".
 */
export function normalizeUnitKey(name: string): string {
  let key = foldText(cleanText((name ?? "").replace(/&/g, " và ")));
  key = key.replace(/[^\p{L}\d]+/gu, " ").replace(/\s+/g, " ").trim();
  for (const [pattern, replacement] of ABBREVIATIONS) key = key.replace(pattern, replacement);
  // "Các công chức tại Bộ phận Một cửa" is the same office as "Công chức tại Bộ phận Một cửa";
  // "... của xã", "... xã" add nothing either.
  return key.replace(/^cac /, "").replace(/ xa$/, "").replace(/ cua$/, "").trim();
}

/** Pairs each name with the existing unit whose name or an alias has the same key, or null. */
export function matchUnits(
  names: string[],
  existing: { id: string; name: string; aliases?: readonly string[] }[],
): { name: string; unitId: string | null }[] {
  const byKey = new Map<string, string>();
  for (const unit of existing) {
    for (const spelling of [unit.name, ...(unit.aliases ?? [])]) {
      const key = normalizeUnitKey(spelling);
      if (key && !byKey.has(key)) byKey.set(key, unit.id);
    }
  }
  return names.map((name) => ({ name, unitId: byKey.get(normalizeUnitKey(name)) ?? null }));
}

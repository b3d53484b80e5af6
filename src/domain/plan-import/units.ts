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
  if (/^chu tri/.test(tail)) return "lead";
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

function segmentsOf(cell: string): { text: string; afterSentence: boolean }[] {
  const out: { text: string; afterSentence: boolean }[] = [];
  for (const line of cellLines(cell)) {
    // "Văn phòng - Thống kê và các ngành liên quan": "và các" starts another unit; a bare "và"
    // does not ("Văn phòng HĐND và UBND", "Công chức Văn hóa và Thông tin").
    for (const part of splitFolded(stripBullet(line), /\s*;\s*|\s+va\s+(?=cac\s)/)) {
      const sentences = part.split(/(?<=\.)\s+(?=\p{Lu})/u);
      sentences.forEach((sentence, i) => {
        // "A/B" lists two units; a slash inside prose ("xử lý/kiến nghị") is followed by lower case.
        const slashParts = sentence.split(/(?<=\p{L})\s*\/\s*(?=\p{Lu})/u);
        slashParts.forEach((text, j) => out.push({ text: cleanText(text), afterSentence: i > 0 && j === 0 }));
      });
    }
  }
  return out;
}

/** Every unit the cell names, in order, with the role the cell gives it. */
export function extractUnits(cell: string | null | undefined): UnitMention[] {
  if (!cell) return [];
  const mentions: UnitMention[] = [];
  const seen = new Set<string>();
  for (const segment of segmentsOf(cell)) {
    let text = segment.text;
    // "Các công chức: Văn phòng - Thống kê" - the label before the colon is not a unit.
    const labelled = /^[^:]{1,40}:\s*(\S.*)$/.exec(text);
    if (labelled) text = labelled[1];
    text = tidyName(text);
    if (!text || /^[-–—.]+$/.test(text)) continue;
    if ((segment.afterSentence || /^\p{Ll}/u.test(text)) && !UNIT_HEADS.test(foldText(text))) continue;
    if (!looksLikeUnitStart(text)) continue;
    const { name, tail } = cutAtVerb(text);
    const role = roleFromTail(tail);
    for (const part of splitGluedNames(tidyName(name))) {
      const key = normalizeUnitKey(part);
      if (!part || !key || seen.has(key)) continue;
      seen.add(key);
      mentions.push({ name: capitalizeFirst(part), role });
    }
  }
  return mentions;
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

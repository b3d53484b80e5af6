// What the document says about itself: title, kind, number, date, year, commune.
// Everything here reads the body (the text before the first table) line by line.

import { cleanText, foldText } from "../text";
import { foldKeepIndex, lowerFirst } from "./fold";
import { isoDate } from "./deadline";
import type { ParsedPlan, PlanKind } from "./types";

/** What the document says about itself: the plan as parsed, without its rows. */
export type PlanMetadata = Omit<ParsedPlan, "rows" | "warnings">;

// Words that stay upper-case when an all-caps title is turned into sentence case.
const ACRONYMS = new Set(["UBND", "HĐND", "TTHC", "CCHC", "PAR", "INDEX", "SIPAS", "PCI", "DTI", "MTTQ", "QPPL", "VBQPPL", "KH", "QĐ"]);

/** Markdown and emphasis the extraction left around headings ("## KẾ HOẠCH", "**CHỦ TỊCH**"). */
function plain(line: string): string {
  return cleanText(line.replace(/^#+\s*/, "").replace(/\*+/g, " "));
}

function isMostlyUpper(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const upper = letters.filter((ch) => ch === ch.toLocaleUpperCase("vi") && ch !== ch.toLocaleLowerCase("vi"));
  return letters.length >= 10 && upper.length / letters.length > 0.8;
}

function titleCase(words: string): string {
  return words
    .toLocaleLowerCase("vi")
    .split(" ")
    .map((w) => (w ? w[0].toLocaleUpperCase("vi") + w.slice(1) : w))
    .join(" ");
}

function sentenceCase(text: string, communeName: string | null): string {
  let out = text
    .split(" ")
    .map((w) => (ACRONYMS.has(w.replace(/[^\p{L}]/gu, "")) ? w : w.toLocaleLowerCase("vi")))
    .join(" ");
  out = out ? out[0].toLocaleUpperCase("vi") + out.slice(1) : out;
  if (communeName) {
    const at = foldKeepIndex(out).indexOf(foldText(communeName));
    if (at >= 0) out = out.slice(0, at) + communeName + out.slice(at + communeName.length);
  }
  return out;
}

const NOT_TITLES = /^(phu luc|cong hoa|doc lap|quyet dinh|uy ban nhan dan|chu tich|tm\.|noi nhan|ke hoach$)/;

/** The heading after "KẾ HOẠCH" ("Kế hoạch " + subject), else the first all-caps heading. */
function findTitle(lines: string[], communeName: string | null): string {
  for (let i = 0; i < lines.length; i++) {
    if (foldText(plain(lines[i])) !== "ke hoach") continue;
    let j = i + 1;
    while (j < lines.length && !plain(lines[j])) j++;
    const subject: string[] = [];
    for (; j < lines.length && plain(lines[j]) && !plain(lines[j]).startsWith("(") && subject.length < 4; j++) {
      subject.push(plain(lines[j]));
    }
    if (subject.length) {
      const text = cleanText(subject.join(" "));
      const body = isMostlyUpper(text) ? sentenceCase(text, communeName) : text;
      return "Kế hoạch " + lowerFirst(body);
    }
  }
  for (const line of lines) {
    const text = plain(line);
    if (text && isMostlyUpper(text) && !NOT_TITLES.test(foldText(text)) && text.split(" ").length >= 4) {
      return sentenceCase(text, communeName);
    }
  }
  return "";
}

export function planKind(title: string): PlanKind {
  const t = foldText(title);
  if (/chi so cai cach hanh chinh|par ?-? ?index|\bsipas\b|chi so hai long/.test(t)) return "PAR_SIPAS";
  if (/kiem soat thu tuc hanh chinh|kiem soat tthc/.test(t)) return "TTHC_CONTROL";
  if (/chuyen doi so/.test(t)) return "DIGITAL_TRANSFORMATION";
  if (/cai cach hanh chinh|\bcchc\b/.test(t)) return "CCHC_YEARLY";
  return "OTHER";
}

/** "Tân Đức, ngày tháng 02 năm 2024": the place and what follows "ngày". */
function placeDateLine(lines: string[]): { place: string; dateText: string } | null {
  for (const line of lines) {
    const text = plain(line);
    const m = /^([^,]{2,40}),\s*ngay\b\s*(.*?nam\s+\d{4})/.exec(foldKeepIndex(text));
    if (!m) continue;
    const place = text.slice(0, m[1].length).trim();
    if (!/^\p{Lu}/u.test(place) || /[\d/]/.test(place) || place.split(" ").length > 5) continue;
    const start = m.index + m[0].length - m[2].length;
    return { place, dateText: cleanText(text.slice(start, m.index + m[0].length)) };
  }
  return null;
}

function dateFromText(text: string): string | null {
  const f = foldText(text);
  const wordy = /^(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/.exec(f);
  if (wordy) return isoDate(Number(wordy[3]), Number(wordy[2]), Number(wordy[1]));
  const slashed = /^(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/.exec(f);
  if (slashed) return isoDate(Number(slashed[3]), Number(slashed[2]), Number(slashed[1]));
  return null;
}

/** "Số: 48/QĐ-UBND" at the head of the document; "/KH-UBND" when the number is left blank. */
function numberLine(lines: string[]): string | null {
  for (const line of lines) {
    const m = /^so\s*:\s*(\d*\s*\/\s*[a-z0-9-]+)/.exec(foldKeepIndex(plain(line)));
    if (m) return plain(line).slice(m.index + m[0].length - m[1].length, m.index + m[0].length).replace(/\s+/g, "");
  }
  return null;
}

/** "(Kèm theo Kế hoạch số 67/KH-UBND ngày 24/10/2025 của ...)": the appendix names its plan. */
function attachedTo(lines: string[]): { number: string; dateText: string | null } | null {
  // Only a caption line "(Kèm theo ...)": the body also cites other plans "ban hành kèm theo ...".
  const pattern = /^\(?\s*(?:ban hanh\s+)?kem theo (?:ke hoach|quyet dinh) so\s*:?\s*(\d*\s*\/\s*[a-z0-9-]+)(?:\s*,?\s*ngay\s+(\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}))?/;
  for (const line of lines) {
    const text = plain(line);
    const m = pattern.exec(foldKeepIndex(text));
    if (!m) continue;
    // The fold keeps every index, so the captured ranges can be cut from the original.
    const numberAt = m.index + m[0].indexOf(m[1]);
    const number = text.slice(numberAt, numberAt + m[1].length).replace(/\s+/g, "");
    const dateText = m[2] ? cleanText(m[2]) : null;
    return { number, dateText };
  }
  return null;
}

/** "xã Diên Khánh", "XÃ TÂY THUẬN NĂM 2025" -> the commune's name in title case. */
function communeFromText(text: string): string | null {
  const mixed = /\b[xX]ã\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,3})/u.exec(text);
  if (mixed) return mixed[1];
  const upper = /\bXÃ\s+((?:\p{Lu}+\s+){0,3}?\p{Lu}+)(?=\s+(?:NĂM|VỀ|GIAI|TRÊN|ĐẾN)\b|\s*$|[,.)])/u.exec(text);
  return upper ? titleCase(upper[1]) : null;
}

function findCommune(lines: string[], placeDate: { place: string } | null): string | null {
  if (placeDate) return placeDate.place;
  for (const line of lines) {
    const name = communeFromText(plain(line));
    if (name) return name;
  }
  return null;
}

export function readMetadata(bodyLines: string[], opts: { year?: number } = {}): PlanMetadata {
  const placeDate = placeDateLine(bodyLines);
  const titleGuess = findTitle(bodyLines, null);
  const communeName = findCommune(titleGuess ? [titleGuess, ...bodyLines] : bodyLines, placeDate);
  const title = findTitle(bodyLines, communeName);
  const attached = attachedTo(bodyLines);
  const documentNumber = numberLine(bodyLines) ?? attached?.number ?? null;
  const documentDateText = placeDate?.dateText ?? attached?.dateText ?? null;
  const documentDate = documentDateText ? dateFromText(documentDateText) : null;
  const titleYear = /nam (\d{4})/.exec(foldText(title));
  const year = opts.year ?? (titleYear ? Number(titleYear[1]) : documentDate ? Number(documentDate.slice(0, 4)) : null);
  return { kind: planKind(title), title, documentNumber, documentDate, documentDateText, year, communeName };
}

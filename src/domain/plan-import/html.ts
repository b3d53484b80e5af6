// Cells arrive with HTML fragments from the Word/PDF extraction (<b>, <p>, <ul><li>, <i>).
// A cell becomes a list of clean lines: paragraphs, list items and "- " bullets each get
// their own line, everything else is kept verbatim (typos included).

import { cleanText } from "../text";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Removes tags; block tags (p, li, ul, br...) become line breaks. */
export function stripHtml(cell: string): string {
  const withBreaks = cell
    .replace(/<\s*br\s*\/?\s*>/gi, "\n")
    .replace(/<\/?\s*(p|li|ul|ol|div|tr|h[1-6])\b[^<>]*>/gi, "\n")
    .replace(/<\/?[a-z][^<>]*>/gi, "");
  return decodeEntities(withBreaks);
}

export const BULLET_START = /^[-+•–]\s*/;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Splits one line at "- " bullets written inline ("- A chủ trì. - B phối hợp.").
 * A " - " inside a name ("Văn phòng - Thống kê", "kinh tế - xã hội") must survive, so a
 * dash only starts a new bullet after sentence punctuation, or, in a line that is itself a
 * bullet list, after a long clause and before a capitalised word.
 */
function splitInlineBullets(line: string, brokenCell = false): string[] {
  // A cell already broken into lines has its bullets on their own lines: a dash inside one
  // ("- Công chức Tư pháp - Hộ tịch") is part of a name.
  const isList = !brokenCell && /^[-+•–]\s/.test(line);
  const out: string[] = [];
  let start = 0;
  for (const m of line.matchAll(/ - (?=\S)/g)) {
    const at = m.index!;
    const before = line.slice(start, at);
    const after = line.slice(at + 3);
    const punctuated = /[.;:!?]$/.test(before.trimEnd());
    const clause = before.split(/[.;:]\s+/).pop()!.replace(BULLET_START, "");
    const startsSentence = /^\p{Lu}\p{Ll}/u.test(after);
    if ((punctuated && /^[\p{L}\d]/u.test(after)) || (isList && startsSentence && wordCount(clause) >= 4)) {
      out.push(line.slice(start, at));
      start = at + 1; // keep the "- " on the new line
    }
  }
  out.push(line.slice(start));
  return out;
}

/** Cell text as clean lines (NFC, single spaces), bullets kept as "- ..." lines. */
export function cellLines(cell: string | undefined | null): string[] {
  if (!cell) return [];
  const lines = stripHtml(cell).split(/\r?\n/).map(cleanText).filter(Boolean);
  return lines
    .flatMap((line) => splitInlineBullets(line, lines.length > 1))
    .map(cleanText)
    .filter(Boolean);
}

/** The cell as one line of text (for names, titles, codes). */
export function cellText(cell: string | undefined | null): string {
  return cleanText(cellLines(cell).join(" "));
}

/** True when every visible character of the cell sits inside <b>...</b>. */
export function isBold(cell: string | undefined | null): boolean {
  if (!cell || !/<b\b/i.test(cell)) return false;
  return cleanText(stripHtml(cell.replace(/<b\b[^<>]*>[\s\S]*?<\/b>/gi, ""))) === "";
}

export function stripBullet(line: string): string {
  return line.replace(BULLET_START, "").trim();
}

/**
 * What the readers put in a cell covered by a cell merged from above (a unit merged down three
 * rows): the grid copies the value above into it, so the value reaches every row it covers.
 */
export const DITTO = "\u3003";

/** "nt", "-nt-", "như trên", "(như trên)" or a merged cell's mark: the same as the cell above. */
export function isSameAsAbove(cell: string | undefined | null): boolean {
  const text = cellText(cell).toLocaleLowerCase("vi");
  return text === DITTO || /^[-–(]?\s*(?:nt|n\.t\.?|như trên)\s*[-–)]?\.?$/u.test(text);
}

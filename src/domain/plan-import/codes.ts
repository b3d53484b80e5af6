// Row codes ("A", "III", "1", "3.1.2") and their place in the hierarchy:
// letter > Roman numeral > number > dotted number (one level deeper per dot).

import { cleanText } from "../text";
import { stripHtml } from "./html";

export type CodeKind = "letter" | "roman" | "arabic" | "dotted";

export interface RowCode {
  /** As written, without HTML and trailing dot: "A", "III", "1.1". */
  code: string;
  kind: CodeKind;
  level: number;
}

const ROMAN = /^(?=[IVX])X{0,3}(IX|IV|V?I{0,3})$/;
const LEVEL: Record<CodeKind, number> = { letter: 0, roman: 1, arabic: 2, dotted: 3 };

/**
 * Reads a code token. `previousLetter` settles "I", "V" and "X", which are both letters and
 * Roman numerals: after a section "H" an "I" is the next letter, otherwise it is Roman one.
 */
export function parseCode(token: string, previousLetter: string | null = null): RowCode | null {
  const t = cleanText(stripHtml(token)).replace(/[.)]+$/, "");
  if (!t) return null;
  if (/^\d{1,3}$/.test(t)) return { code: t, kind: "arabic", level: LEVEL.arabic };
  if (/^\d{1,3}(\.\d{1,3})+$/.test(t)) {
    const dots = t.split(".").length - 1;
    return { code: t, kind: "dotted", level: LEVEL.dotted + dots - 1 };
  }
  const nextLetter = previousLetter ? String.fromCharCode(previousLetter.charCodeAt(0) + 1) : null;
  if (/^[A-Z]$/.test(t) && (!ROMAN.test(t) || t === nextLetter)) {
    return { code: t, kind: "letter", level: LEVEL.letter };
  }
  if (ROMAN.test(t)) return { code: t, kind: "roman", level: LEVEL.roman };
  return null;
}

/** Sections are always letters or Roman numerals. */
export function isSectionCode(code: RowCode | null): boolean {
  return code !== null && (code.kind === "letter" || code.kind === "roman");
}

/**
 * A code written in front of a title inside one cell: "III. CẢI CÁCH THỂ CHẾ".
 * Letters and Roman numerals need a dot or an upper-case title, numbers a dot: otherwise
 * "2025 của UBND" (a wrapped line) would read as code 2025.
 */
export function splitCodePrefix(text: string, previousLetter: string | null = null): { code: RowCode; rest: string } | null {
  const m = /^([A-Z]|[IVX]+|\d{1,3}(?:\.\d{1,3})*)(\.|\))?\s+(\S.*)$/.exec(text);
  if (!m) return null;
  const [, token, dot, rest] = m;
  const code = parseCode(token, previousLetter);
  if (!code) return null;
  const titleIsUpper = rest === rest.toLocaleUpperCase("vi") && /\p{Lu}/u.test(rest);
  if (code.kind === "letter" || code.kind === "roman") {
    if (!dot && !titleIsUpper) return null;
  } else if (!dot) {
    return null;
  }
  return { code, rest };
}

/** "3.1.2" is inside "3.1" (and inside "3"). */
export function isCodeInside(child: string, parent: string): boolean {
  return child.startsWith(parent + ".");
}

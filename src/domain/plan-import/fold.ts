// Matching helpers for the importer. Patterns are written against folded text
// ("Tỷ lệ" -> "ty le"), but results must quote the original, so the fold here keeps
// every character in place: an index found in the folded string is valid in the original.

import { cleanText, foldText } from "../text";

const charCache = new Map<string, string>();

function foldChar(ch: string): string {
  const cached = charCache.get(ch);
  if (cached !== undefined) return cached;
  // foldText trims, so whitespace would fold to "": keep it as a plain space instead.
  let folded = /\s/.test(ch) ? " " : foldText(ch);
  if (folded.length !== ch.length) folded = ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  charCache.set(ch, folded);
  return folded;
}

/** foldText, but character for character: `result.length === input.length` always. */
export function foldKeepIndex(input: string): string {
  let out = "";
  for (const ch of input) out += foldChar(ch);
  return out;
}

/** Upper-cases the first letter ("tỷ lệ hồ sơ" -> "Tỷ lệ hồ sơ"); used for names cut out of sentences. */
export function capitalizeFirst(text: string): string {
  const trimmed = text.trimStart();
  return trimmed ? trimmed[0].toLocaleUpperCase("vi") + trimmed.slice(1) : trimmed;
}

/** Lower-cases the first letter unless the first word is an acronym ("Duy trì" -> "duy trì", "UBND" stays). */
export function lowerFirst(text: string): string {
  if (/^\p{Lu}[\p{Lu}\d]/u.test(text)) return text;
  return text ? text[0].toLocaleLowerCase("vi") + text.slice(1) : text;
}

/** Splits `text` wherever `pattern` matches in its folded form; the matched separator is dropped. */
export function splitFolded(text: string, pattern: RegExp): string[] {
  const folded = foldKeepIndex(text);
  const flags = pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g";
  const re = new RegExp(pattern.source, flags);
  const parts: string[] = [];
  let start = 0;
  for (const m of folded.matchAll(re)) {
    if (m[0].length === 0) continue;
    parts.push(text.slice(start, m.index));
    start = m.index! + m[0].length;
  }
  parts.push(text.slice(start));
  return parts.map(cleanText).filter(Boolean);
}

/** Vietnamese number: "85,5" -> 85.5, "1.234" -> 1234, "01" -> 1. */
export function parseVietNumber(raw: string): number | null {
  let s = raw.trim();
  if (s.includes(",")) s = s.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, "");
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

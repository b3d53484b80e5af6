// Text normalisation shared by import, matching and search.

/** Canonical form for storage: NFC, collapsed whitespace, trimmed. */
export function cleanText(input: string): string {
  return input.normalize("NFC").replace(/[\u00a0\s]+/g, " ").trim();
}

/** Lower-case, diacritic-free key: "Tân Đức" -> "tan duc". For matching and search only. */
export function foldText(input: string): string {
  return input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[–—‐-]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Characters that take no space on screen: zero-width space/joiners (U+200B–U+200D), the
 * word joiner and invisible operators (U+2060–U+2064), the byte-order mark (U+FEFF), the
 * Mongolian vowel separator (U+180E), and the bidirectional marks, embeddings, overrides and
 * isolates (U+200E/F, U+202A–U+202E, U+2066–U+2069) that reorder how text is shown.
 */
const INVISIBLE = "\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff\\u180e";
const EDGES = new RegExp(`^[\\s\\u00a0${INVISIBLE}]+|[\\s\\u00a0${INVISIBLE}]+$`, "g");

/**
 * What every text field the server accepts goes through first: NFC, and whitespace and
 * invisible characters cut from both ends. A field made only of invisible characters becomes
 * "" and is refused as empty (a plan titled "\u200b" showed as an empty title to reviewers).
 */
export function cleanInput(input: string): string {
  return input.normalize("NFC").replace(EDGES, "");
}

/** "Số: 48/QĐ-UBND", as copied from a document's header, keeps only the number itself. */
export function bareDocNumber(input: string): string {
  return input.replace(/^\s*số\s*[:.]?\s*/i, "");
}

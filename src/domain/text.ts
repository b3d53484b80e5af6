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

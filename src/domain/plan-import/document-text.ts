// Word and Excel files become the same tab-separated text a pasted document is, so one
// parser (parsePlanText) reads all three and the preview never depends on where a plan came
// from. The readers (src/server/plans/readers) turn a file into blocks; this turns blocks into
// text. Pure, so it is unit-tested without any file.

import { cleanText } from "../text";
import { isHeaderLine } from "./columns";
import { cellText } from "./html";

/**
 * A paragraph of body text, or a table as rows of cells. A cell may hold the small HTML the
 * parser understands (<b>, <br>, <p>, <li>); a paragraph is plain text.
 */
export type DocumentBlock = { type: "paragraph"; text: string } | { type: "table"; rows: string[][] };

/** One line of the text form: tabs separate cells, so a cell can hold neither tabs nor newlines. */
function cellForLine(cell: string): string {
  return (cell ?? "")
    .replace(/\r\n?|\n/g, "<br>")
    .replace(/\t/g, " ")
    .trim();
}

function isEmptyRow(row: string[]): boolean {
  return row.every((cell) => !cellText(cell));
}

/**
 * Tables that are not plan tables (the two-column letterhead with "UBND XÃ ..." beside
 * "CỘNG HÒA XÃ HỘI ...", a signature block) are read as paragraphs, one per cell, so the
 * metadata reader sees "Số: 48/QĐ-UBND" and the place-and-date line as lines of their own.
 */
function flatten(rows: string[][], out: string[]): void {
  for (const row of rows) {
    // An empty row stays a blank line: the title reader stops at one.
    if (isEmptyRow(row)) out.push("");
    for (const cell of row) {
      const text = cellText(cell);
      if (text) out.push(text);
    }
  }
}

/**
 * Blocks to the text parsePlanText reads. A table that holds a header row ("STT" + known
 * columns) is a plan table: rows above its header are read as paragraphs (an Excel title
 * merged over the columns), the header and the rows below become tab-separated lines. A table
 * without a header is a plan table only when it continues the previous plan table (same
 * number of columns, as Word does when a table is split across pages); otherwise its cells
 * are paragraphs. Each table is set off by blank lines, which the parser reads as a page
 * break: a first row without a number then continues the row before, as in the pasted text.
 */
export function blocksToPlanText(blocks: DocumentBlock[]): string {
  const lines: string[] = [];
  let planWidth: number | null = null;
  for (const block of blocks) {
    if (block.type === "paragraph") {
      lines.push(cleanText(block.text ?? ""));
      continue;
    }
    const width = Math.max(0, ...block.rows.map((r) => r.length));
    const rows = block.rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
    const headerAt = rows.findIndex((r) => isHeaderLine(r));
    let from: number;
    if (headerAt >= 0) from = headerAt;
    else if (planWidth !== null && width === planWidth) from = 0;
    else {
      flatten(rows, lines);
      continue;
    }
    flatten(rows.slice(0, from), lines);
    lines.push("");
    for (const row of rows.slice(from)) lines.push(isEmptyRow(row) ? "" : row.map(cellForLine).join("\t"));
    lines.push("");
    planWidth = width;
  }
  return lines.join("\n");
}

// .docx -> the text form parsePlanText reads. mammoth gives HTML (paragraphs and tables, with
// bold and lists); tables become tab-separated rows, everything else lines of text, so a Word
// file and the same document pasted as text go through one parser.
import "server-only";
import mammoth from "mammoth";
import { blocksToPlanText, type DocumentBlock } from "@/domain/plan-import/document-text";
import { cellText, DITTO } from "@/domain/plan-import/html";
import { isElement, parseHtml, type HtmlElement, type HtmlNode } from "./html-tree";

const BLOCK_TAGS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "blockquote"]);

/** Cell content as the small HTML the parser reads: <b> for bold, <br> between paragraphs, "- " for bullets. */
function cellHtml(nodes: HtmlNode[]): string {
  const parts: string[] = [];
  const walk = (node: HtmlNode, listKind: "ul" | "ol" | null) => {
    if (!isElement(node)) {
      parts.push(node.replace(/[\t\r\n]+/g, " "));
      return;
    }
    switch (node.tag) {
      case "strong":
      case "b":
        parts.push("<b>");
        node.children.forEach((c) => walk(c, listKind));
        parts.push("</b>");
        return;
      case "br":
        parts.push("<br>");
        return;
      case "img":
        return;
      case "ul":
      case "ol":
        node.children.forEach((c) => walk(c, node.tag as "ul" | "ol"));
        return;
      case "table":
        // A table inside a cell: its cells become lines of the outer cell.
        for (const row of tableRows(node)) for (const cell of row) if (cellText(cell)) parts.push("<br>", cell, "<br>");
        return;
      default:
        if (BLOCK_TAGS.has(node.tag)) {
          parts.push("<br>");
          if (node.tag === "li" && listKind === "ul") parts.push("- ");
          node.children.forEach((c) => walk(c, listKind));
          parts.push("<br>");
        } else node.children.forEach((c) => walk(c, listKind));
    }
  };
  nodes.forEach((n) => walk(n, null));
  return parts
    .join("")
    .replace(/(?:\s*<br>\s*)+/g, "<br>")
    .replace(/^<br>|<br>$/g, "")
    .trim();
}

function rowsOf(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.tag === "tr") rows.push(child);
    else if (child.tag === "thead" || child.tag === "tbody" || child.tag === "tfoot") rows.push(...rowsOf(child));
  }
  return rows;
}

function span(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 ? Math.min(n, 100) : 1;
}

/**
 * Rows of cells with merged cells spread out, so every column stays in place: a cell spanning
 * columns is followed by empty cells, and rows under a cell spanning rows get the DITTO mark
 * there (the grid copies the value down, so a unit merged over three rows reaches all three).
 */
function tableRows(table: HtmlElement): string[][] {
  const pending = new Map<number, number>(); // column -> rows still covered from above
  const out: string[][] = [];
  for (const tr of rowsOf(table)) {
    const row: string[] = [];
    const fillCovered = () => {
      while ((pending.get(row.length) ?? 0) > 0) {
        pending.set(row.length, pending.get(row.length)! - 1);
        // Covered from above: the value merged down belongs to this row too.
        row.push(DITTO);
      }
    };
    for (const td of tr.children) {
      if (!isElement(td) || (td.tag !== "td" && td.tag !== "th")) continue;
      fillCovered();
      const colspan = span(td.attrs.colspan);
      const rowspan = span(td.attrs.rowspan);
      for (let i = 0; i < colspan; i++) {
        if (rowspan > 1) pending.set(row.length, rowspan - 1);
        row.push(i === 0 ? cellHtml(td.children) : "");
      }
    }
    fillCovered();
    out.push(row);
  }
  return out;
}

/** Body text: each paragraph (and each line of a paragraph broken with Shift+Enter) is a line. */
function paragraphLines(node: HtmlElement, prefix = ""): string[] {
  return cellHtml(node.children)
    .split("<br>")
    .map((line, i) => (i === 0 ? prefix : "") + cellText(line));
}

export function htmlToBlocks(html: string): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  const visit = (node: HtmlNode) => {
    if (!isElement(node)) {
      const text = cellText(node);
      if (text) blocks.push({ type: "paragraph", text });
      return;
    }
    if (node.tag === "table") blocks.push({ type: "table", rows: tableRows(node) });
    else if (node.tag === "ul" || node.tag === "ol") {
      for (const li of node.children) {
        if (isElement(li)) for (const text of paragraphLines(li, node.tag === "ul" ? "- " : "")) blocks.push({ type: "paragraph", text });
      }
    } else if (BLOCK_TAGS.has(node.tag)) {
      // An empty paragraph is a blank line: documents space their heading blocks with them.
      for (const text of paragraphLines(node)) blocks.push({ type: "paragraph", text });
    } else node.children.forEach(visit);
  };
  parseHtml(html).children.forEach(visit);
  return blocks;
}

/** The text of a Word file in the form parsePlanText reads, and what mammoth could not read. */
export async function docxToPlanText(bytes: Uint8Array): Promise<{ text: string; messages: string[] }> {
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      ignoreEmptyParagraphs: false,
      // Images carry nothing the plan needs; skip them instead of inlining megabytes of base64.
      convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
      externalFileAccess: false,
    },
  );
  const messages = result.messages.filter((m) => m.type === "error").map((m) => m.message);
  return { text: blocksToPlanText(htmlToBlocks(result.value)), messages };
}

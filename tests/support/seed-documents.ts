// Word and Excel files made from a seed plan's text, as a commune would have them: body
// paragraphs, and each table of the text (a page of the original, header repeated) as a
// table whose cells hold the cell's lines as paragraphs (bold where the source is bold).
// Used by the reader unit tests and by the end-to-end upload test.
import fs from "node:fs";
import path from "node:path";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import ExcelJS from "exceljs";
import { cellLines, isBold } from "@/domain/plan-import/html";

export const SEED_DIR = path.join(process.cwd(), "prisma", "demo");

export function seedText(file: string): string {
  return fs.readFileSync(path.join(SEED_DIR, file), "utf8");
}

type SeedBlock = { type: "line"; text: string } | { type: "table"; rows: string[][] };

/** Lines of the seed; consecutive tab-separated lines form one table. */
export function seedBlocks(text: string): SeedBlock[] {
  const blocks: SeedBlock[] = [];
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (line.includes("\t")) {
      const last = blocks[blocks.length - 1];
      if (last?.type === "table") last.rows.push(line.split("\t"));
      else blocks.push({ type: "table", rows: [line.split("\t")] });
    } else blocks.push({ type: "line", text: line });
  }
  return blocks;
}

function cellParagraphs(cell: string): Paragraph[] {
  const lines = cellLines(cell);
  const bold = isBold(cell);
  if (lines.length === 0) return [new Paragraph("")];
  return lines.map((text) => new Paragraph({ children: [new TextRun({ text, bold })] }));
}

export async function seedDocx(text: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const block of seedBlocks(text)) {
    if (block.type === "line") {
      children.push(new Paragraph(block.text.trim()));
      continue;
    }
    const width = Math.max(...block.rows.map((r) => r.length));
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: block.rows.map(
          (cells) =>
            new TableRow({
              children: Array.from({ length: width }, (_, i) => new TableCell({ children: cellParagraphs(cells[i] ?? "") })),
            }),
        ),
      }),
    );
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

export async function seedXlsx(text: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Kế hoạch");
  for (const block of seedBlocks(text)) {
    const rows = block.type === "line" ? [[block.text.trim()]] : block.rows;
    for (const cells of rows) {
      const row = sheet.addRow(cells.map((cell) => cellLines(cell).join("\n") || null));
      cells.forEach((cell, i) => {
        if (isBold(cell)) row.getCell(i + 1).font = { bold: true };
        row.getCell(i + 1).alignment = { wrapText: true, vertical: "top" };
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

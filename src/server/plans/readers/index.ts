// An uploaded plan file to the text parsePlanText reads. The type is decided from the bytes
// (sniffFileType), never from the name or the browser's Content-Type.
import { extensionOf, sniffFileType } from "@/domain/file-type";
import { UserError } from "@/server/errors";
import { docxToPlanText } from "./docx";
import { xlsxToPlanText } from "./xlsx";
import { zipProblem } from "./zip-guard";

export const PLAN_FILE_ACCEPT = ".docx,.xlsx,.txt,.csv";

const ACCEPTED = "Chỉ nhận tệp Word (.docx) hoặc Excel (.xlsx), văn bản (.txt) hoặc bảng .csv; cũng có thể dán nội dung vào ô.";

/** Plain UTF-8 text without NUL bytes (a text or CSV file), or null. */
function plainText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "").normalize("NFC");
  } catch {
    return null;
  }
}

/**
 * A CSV table as the tab-separated text the parser reads: quoted fields may hold the
 * delimiter and line breaks (kept as <br>); ";" is the delimiter when the header uses it.
 */
export function csvToPlanText(csv: string): string {
  const firstLine = csv.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch === "\n" ? "<br>" : ch === "\r" ? "" : ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else if (ch !== "\r") cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows.map((r) => r.map((c) => c.replace(/\t/g, " ").trim()).join("\t")).join("\n");
}

export async function readPlanFile(bytes: Uint8Array, fileName: string): Promise<{ text: string; warnings: string[] }> {
  const sniffed = await sniffFileType(bytes);
  const ext = extensionOf(fileName);
  if (!sniffed && (ext === "txt" || ext === "csv")) {
    const text = plainText(bytes);
    if (text === null) throw new UserError(`Tệp .${ext} không phải văn bản UTF-8. ${ACCEPTED}`, { file: "Tệp không đọc được dạng văn bản." });
    return { text: ext === "csv" ? csvToPlanText(text) : text, warnings: [] };
  }
  if (sniffed?.ext !== "docx" && sniffed?.ext !== "xlsx") {
    const hint =
      sniffed?.ext === "doc" || ext === "doc"
        ? " Tệp Word cũ (.doc): hãy mở bằng Word và lưu lại dạng .docx."
        : sniffed?.ext === "xls" || ext === "xls"
          ? " Tệp Excel cũ (.xls): hãy mở bằng Excel và lưu lại dạng .xlsx."
          : sniffed?.ext === "pdf"
            ? " Với tệp PDF, hãy sao chép bảng trong tệp và dán vào ô nội dung."
            : "";
    throw new UserError(`${ACCEPTED}${hint}`, { file: "Chỉ nhận tệp .docx, .xlsx, .txt hoặc .csv." });
  }
  const problem = await zipProblem(bytes);
  if (problem) throw new UserError(problem, { file: problem });
  try {
    if (sniffed.ext === "docx") {
      const { text, messages } = await docxToPlanText(bytes);
      return { text, warnings: messages.length ? [`Một phần tệp Word không đọc được: ${messages.slice(0, 3).join("; ")}`] : [] };
    }
    return { text: await xlsxToPlanText(bytes), warnings: [] };
  } catch (error) {
    if (error instanceof UserError) throw error;
    console.error("Plan file could not be read", error);
    throw new UserError("Không đọc được tệp: tệp bị hỏng hoặc không đúng định dạng Word/Excel.", { file: "Không đọc được tệp." });
  }
}

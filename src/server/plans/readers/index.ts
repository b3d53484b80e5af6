// An uploaded plan file to the text parsePlanText reads. The type is decided from the bytes
// (sniffFileType), never from the name or the browser's Content-Type.
import { extensionOf, sniffFileType } from "@/domain/file-type";
import { UserError } from "@/server/errors";
import { docxToPlanText } from "./docx";
import { xlsxToPlanText } from "./xlsx";
import { zipProblem } from "./zip-guard";

export const PLAN_FILE_ACCEPT = ".docx,.xlsx";

export async function readPlanFile(bytes: Uint8Array, fileName: string): Promise<{ text: string; warnings: string[] }> {
  const sniffed = await sniffFileType(bytes);
  const ext = extensionOf(fileName);
  if (sniffed?.ext !== "docx" && sniffed?.ext !== "xlsx") {
    const hint =
      sniffed?.ext === "doc" || ext === "doc"
        ? " Tệp Word cũ (.doc): hãy mở bằng Word và lưu lại dạng .docx."
        : sniffed?.ext === "xls" || ext === "xls"
          ? " Tệp Excel cũ (.xls): hãy mở bằng Excel và lưu lại dạng .xlsx."
          : sniffed?.ext === "pdf"
            ? " Với tệp PDF, hãy sao chép bảng trong tệp và dán vào ô nội dung."
            : "";
    throw new UserError(`Chỉ nhận tệp Word (.docx) hoặc Excel (.xlsx).${hint}`, { file: "Chỉ nhận tệp .docx hoặc .xlsx." });
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

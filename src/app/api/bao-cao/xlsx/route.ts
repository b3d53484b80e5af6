// GET /api/bao-cao/xlsx?nam=&quy=[&xa=]: the report's tables as a workbook.
import { download, fileBase, refusal, requestedReport, XLSX_TYPE } from "@/server/documents/http";
import { reportWorkbook } from "@/server/documents/report-xlsx";

export async function GET(request: Request) {
  try {
    const { doc } = await requestedReport(request);
    return download(await reportWorkbook(doc), `${fileBase("bao-cao-cchc", doc.data.commune.name, doc.year, doc.quarter)}.xlsx`, XLSX_TYPE);
  } catch (error) {
    return refusal(error);
  }
}

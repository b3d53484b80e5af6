// GET /api/bao-cao/docx?nam=&quy=[&xa=]: the quarter's (quý 4: the year's) report as a Word document to sign.
import { download, DOCX_TYPE, fileBase, refusal, requestedReport } from "@/server/documents/http";
import { reportDocx } from "@/server/documents/report-docx";

export async function GET(request: Request) {
  try {
    const { doc } = await requestedReport(request);
    return download(await reportDocx(doc), `${fileBase("bao-cao-cchc", doc.data.commune.name, doc.year, doc.quarter)}.docx`, DOCX_TYPE);
  } catch (error) {
    return refusal(error);
  }
}

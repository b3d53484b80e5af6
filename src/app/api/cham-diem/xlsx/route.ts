// The province's result table (ranking, bands, per-area scores, self vs appraised gaps) as Excel.
// Shows only communes the caller may see.
import { requireActor } from "@/server/auth/guard";
import { assessmentResults } from "@/server/assessment/queries";
import { assessmentFileBase, resultsXlsx } from "@/server/assessment/documents";
import { download, refusal, XLSX_TYPE } from "@/server/documents/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await requireActor("review.read");
    const setId = (new URL(request.url).searchParams.get("bo") ?? "").slice(0, 64);
    const results = await assessmentResults(actor, setId);
    return download(await resultsXlsx(results), `${assessmentFileBase("ket-qua-chi-so-cchc", results.set.issuer, results.set.year)}.xlsx`, XLSX_TYPE);
  } catch (error) {
    return refusal(error);
  }
}

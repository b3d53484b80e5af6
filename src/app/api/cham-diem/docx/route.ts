// The commune's self-assessment report as a Word document. Readable by whoever may read the assessment.
import { requireActor } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { assessmentDetail } from "@/server/assessment/queries";
import { assessmentFileBase, selfAssessmentDocx } from "@/server/assessment/documents";
import { DOCX_TYPE, download, refusal } from "@/server/documents/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await requireActor("assessment.read");
    const id = new URL(request.url).searchParams.get("id") ?? "";
    const detail = await assessmentDetail(actor, id.slice(0, 64));
    const db = await getDb();
    const chairman = await db.user.findFirst({ where: { orgUnitId: detail.commune.id, role: "CHAIRMAN", active: true }, select: { fullName: true } });
    const body = await selfAssessmentDocx(detail, chairman?.fullName ?? null);
    return download(body, `${assessmentFileBase("tu-cham-chi-so-cchc", detail.commune.name, detail.set.year)}.docx`, DOCX_TYPE);
  } catch (error) {
    return refusal(error);
  }
}

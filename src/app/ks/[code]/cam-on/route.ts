// The thank-you page after an answer: plain HTML like the form.
import { loadPublicSurvey } from "@/server/survey/submit";
import { messageHtml, thanksHtml } from "@/server/survey/public-html";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const survey = await loadPublicSurvey(code);
  const body = survey ? thanksHtml(survey) : messageHtml("Không tìm thấy phiếu khảo sát", "Không tìm thấy phiếu khảo sát", "Mã khảo sát không đúng.");
  return new Response(body, { status: survey ? 200 : 404, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

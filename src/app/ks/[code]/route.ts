// The public survey form (no sign-in): GET shows it, POST records the answer. Plain HTML,
// so it works with no JavaScript at all on the citizen's phone.
import { clientAddress } from "@/server/auth/sign-in";
import { acceptsAnswers, DEVICE_COOKIE, loadPublicSurvey, newDeviceId, newToken, submitAnswer, type FormValues } from "@/server/survey/submit";
import { messageHtml, surveyFormHtml } from "@/server/survey/public-html";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ code: string }> };

const html = (body: string, status = 200, extra: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...extra } });

const notFound = () => html(messageHtml("Không tìm thấy phiếu khảo sát", "Không tìm thấy phiếu khảo sát", "Mã khảo sát không đúng hoặc đã bị xóa. Vui lòng quét lại mã QR tại bộ phận một cửa."), 404);
const closed = () => html(messageHtml("Khảo sát đã kết thúc", "Khảo sát hiện không nhận phiếu", "Cuộc khảo sát này đã kết thúc hoặc chưa bắt đầu. Xin cảm ơn ông/bà đã quan tâm."), 410);

export async function GET(request: Request, { params }: Ctx) {
  const { code } = await params;
  const survey = await loadPublicSurvey(code);
  if (!survey) return notFound();
  if (!acceptsAnswers(survey)) return closed();
  const quay = new URL(request.url).searchParams.get("quay");
  const desk = quay !== null && /^\d{1,3}$/.test(quay) ? (survey.desks[Number(quay)] ?? null) : null;
  return html(surveyFormHtml(survey, { token: newToken(), desk }));
}

function cookieOf(request: Request, name: string): string | null {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

export async function POST(request: Request, { params }: Ctx) {
  const { code } = await params;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return html(messageHtml("Phiếu không hợp lệ", "Phiếu không hợp lệ", "Vui lòng quét lại mã QR và gửi lại phiếu."), 400);
  }
  const values: FormValues = {};
  for (const [k, v] of form.entries()) {
    if (typeof v !== "string") continue;
    const cur = values[k];
    values[k] = cur === undefined ? v : ([] as string[]).concat(cur, v);
  }
  const existing = cookieOf(request, DEVICE_COOKIE);
  const deviceId = existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing) ? existing : newDeviceId();
  const secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https:") ? "; Secure" : "";
  const setCookie = { "Set-Cookie": `${DEVICE_COOKIE}=${deviceId}; Path=/ks; Max-Age=31536000; HttpOnly; SameSite=Lax${secure}` };
  const outcome = await submitAnswer(code, values, { deviceId, address: clientAddress(request.headers.get("x-forwarded-for")) });
  switch (outcome.status) {
    case "not-found":
      return notFound();
    case "closed":
      return closed();
    case "saved":
    case "duplicate":
    case "honeypot":
      // 303: the thank-you page is fetched with GET, so a reload does not resend the form.
      return new Response(null, { status: 303, headers: { Location: `/ks/${encodeURIComponent(code)}/cam-on`, ...setCookie } });
    case "limited":
      return html(messageHtml("Đã nhận đủ phiếu", "Xin cảm ơn ông/bà!", outcome.message), 429, setCookie);
    case "invalid": {
      const survey = (await loadPublicSurvey(code))!;
      const desk = typeof values.desk === "string" && survey.desks.includes(values.desk) ? values.desk : null;
      // A fresh token: the refused form was not counted.
      return html(surveyFormHtml(survey, { token: newToken(), desk, values, errors: outcome.errors, message: outcome.message }), 422, setCookie);
    }
  }
}

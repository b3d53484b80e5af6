// The public survey pages as plain HTML: no client framework, no script, one small inline
// stylesheet, so that the form opens fast on a weak 3G link and works on any phone browser.
// Everything shown is escaped here.
import { ASPECTS, REASONS, RATING_LABEL } from "@/domain/survey";
import { formatDate } from "@/domain/format";
import { COMMENT_MAX, CONTACT_MAX, HONEYPOT_FIELD, type FormValues, type PublicSurvey } from "./submit";

const esc = (s: unknown): string =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const CSS = `*{box-sizing:border-box}body{margin:0;font:17px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1e293b;background:#f1f5f9}
main{max-width:34rem;margin:0 auto;padding:12px}h1{font-size:1.25rem;margin:.3em 0}p.sub{margin:0 0 12px;color:#475569;font-size:.95rem}
fieldset{border:0;margin:0 0 10px;padding:12px;background:#fff;border-radius:10px}legend{float:left;width:100%;padding:0;margin-bottom:8px;font-weight:600}
.r{display:flex;gap:6px;clear:both}.r label{flex:1;position:relative}.r input{position:absolute;opacity:0;inset:0;width:100%;height:100%;margin:0}
.r span{display:flex;flex-direction:column;align-items:center;justify-content:center;min-height:56px;border:2px solid #cbd5e1;border-radius:10px;font-size:1.35rem;line-height:1;color:#64748b;background:#fff}
.r span small{font-size:.7rem;margin-top:3px}.r input:checked+span{background:#1d4ed8;border-color:#1d4ed8;color:#fff}.r input:focus-visible+span{outline:3px solid #f59e0b;outline-offset:2px}
.na span{font-size:.8rem}.scale{display:flex;justify-content:space-between;font-size:.75rem;color:#475569;margin-top:4px;clear:both}
.why{border:2px solid #f59e0b}legend+*{clear:both}.ck{clear:both;display:flex;align-items:center;gap:10px;min-height:44px;padding:2px 0}.ck input{width:24px;height:24px;flex:none}
textarea,input[type=text],input[type=tel]{width:100%;font:inherit;padding:10px;border:2px solid #94a3b8;border-radius:8px;background:#fff}
button{width:100%;min-height:56px;font:600 1.1rem system-ui,sans-serif;color:#fff;background:#15803d;border:0;border-radius:10px;margin:6px 0 16px}
.err{color:#b91c1c;font-size:.9rem;margin:6px 0 0}.alert{background:#fee2e2;color:#7f1d1d;padding:10px;border-radius:8px;margin-bottom:10px}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}.note{font-size:.85rem;color:#475569}
@supports selector(:has(*)){.why{display:none}form:has(.low:checked) .why,form.err-why .why{display:block}}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>${CSS}</style></head><body><main>${body}</main></body></html>`;
}

function ratingGroup(name: string, legend: string, value: string | undefined, error: string | undefined, notApplicable: string | null = null): string {
  const opts = [1, 2, 3, 4, 5]
    .map(
      (n) =>
        `<label><input type="radio" name="${name}" value="${n}"${n <= 3 ? ' class="low"' : ""}${value === String(n) ? " checked" : ""}${n === 1 && !notApplicable ? " required" : ""} aria-label="${n} sao – ${esc(RATING_LABEL[n])}"><span aria-hidden="true">★<small>${n}</small></span></label>`,
    )
    .join("");
  const na = notApplicable
    ? `<label class="na"><input type="radio" name="${name}" value="0"${!value || value === "0" ? " checked" : ""} aria-label="${esc(notApplicable)}"><span aria-hidden="true">${esc(notApplicable.split(" ")[0] === "Không" ? "Không gửi" : "Bỏ qua")}</span></label>`
    : "";
  return `<fieldset${error ? ` aria-describedby="e-${name}"` : ""}><legend>${esc(legend)}</legend><div class="r">${opts}${na}</div><div class="scale" aria-hidden="true"><span>1 = Rất không hài lòng</span><span>5 = Rất hài lòng</span></div>${error ? `<p class="err" id="e-${name}">${esc(error)}</p>` : ""}</fieldset>`;
}

export function surveyFormHtml(s: PublicSurvey, opts: { token: string; desk: string | null; values?: FormValues; errors?: Record<string, string>; message?: string }): string {
  const v = opts.values ?? {};
  const e = opts.errors ?? {};
  const one = (k: string) => (Array.isArray(v[k]) ? (v[k] as string[])[0] : (v[k] as string | undefined));
  const reasons = new Set(Array.isArray(v.reasons) ? v.reasons : v.reasons ? [v.reasons] : []);
  const questions = ASPECTS.map((a) => ratingGroup(a.key, a.question, one(a.key), e[a.key], a.key === "feedback" ? "Không gửi phản ánh, kiến nghị" : null)).join("");
  const extra = s.extraQuestions.map((q, i) => ratingGroup(`x${i}`, q, one(`x${i}`), e[`x${i}`], "Bỏ qua câu hỏi này")).join("");
  const reasonBoxes = REASONS.map(
    (r) => `<label class="ck"><input type="checkbox" name="reasons" value="${r.code}"${reasons.has(r.code) ? " checked" : ""}>${esc(r.label)}</label>`,
  ).join("");
  const receipt = s.requireReceiptCode
    ? `<fieldset><legend><label for="receipt">Mã trên giấy biên nhận</label></legend><input type="text" id="receipt" name="receipt" autocomplete="off" autocapitalize="characters" maxlength="40" value="${esc(one("receipt"))}" required>${e.receipt ? `<p class="err">${esc(e.receipt)}</p>` : ""}</fieldset>`
    : "";
  const deskLine = opts.desk ? ` · ${esc(opts.desk)}` : "";
  return page(
    `Đánh giá sự hài lòng – ${s.communeName}`,
    `<h1>Ông/bà hài lòng với việc giải quyết thủ tục hôm nay?</h1><p class="sub">${esc(s.communeName)}${deskLine}. Phiếu không ghi tên, chỉ mất khoảng 30 giây.</p>
${opts.message ? `<div class="alert" role="alert">${esc(opts.message)}</div>` : ""}
<form method="post" action="/ks/${esc(s.code)}"${e.reasons ? ' class="err-why"' : ""}>
<input type="hidden" name="token" value="${esc(opts.token)}">${opts.desk ? `<input type="hidden" name="desk" value="${esc(opts.desk)}">` : ""}
<div class="hp" aria-hidden="true"><label>Trang web <input type="text" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></label></div>
${receipt}${questions}${extra}
<fieldset class="why"><legend>Vì sao ông/bà chưa hài lòng? (chọn một hoặc nhiều)</legend>${reasonBoxes}${e.reasons ? `<p class="err">${esc(e.reasons)}</p>` : ""}
<p><label for="comment">Góp ý để xã làm tốt hơn (không bắt buộc)</label><textarea id="comment" name="comment" rows="3" maxlength="${COMMENT_MAX}">${esc(one("comment"))}</textarea></p>
<p><label for="contact">Số điện thoại hoặc email, nếu muốn được liên hệ lại (không bắt buộc)</label><input type="tel" id="contact" name="contact" maxlength="${CONTACT_MAX}" autocomplete="off" value="${esc(one("contact"))}"></p></fieldset>
<button type="submit">Gửi đánh giá</button>
<p class="note">Khảo sát từ ${formatDate(s.startsOn)} đến ${formatDate(s.endsOn)}. Ý kiến được xã xem xét trước khi công khai.</p>
</form>`,
  );
}

export function messageHtml(title: string, heading: string, text: string, status = ""): string {
  return page(title, `<h1>${esc(heading)}</h1>${status}<p>${esc(text)}</p>`);
}

export function thanksHtml(s: PublicSurvey): string {
  return page(
    `Cảm ơn – ${s.communeName}`,
    `<h1>Cảm ơn ông/bà đã đánh giá!</h1><p>${esc(s.communeName)} đã nhận phiếu của ông/bà. Ý kiến của ông/bà giúp xã phục vụ người dân tốt hơn.</p><p class="note">Phiếu không ghi tên người đánh giá.</p>`,
  );
}

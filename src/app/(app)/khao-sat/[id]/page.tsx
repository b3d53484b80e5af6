import type { Metadata } from "next";
import Link from "next/link";
import { orRefusePage, requirePageActor } from "@/server/auth/guard";
import { roleMay, isCommuneUser } from "@/domain/policy";
import { surveyResults } from "@/server/survey/queries";
import { confirmSipasFigure, generateReceiptCodes, moderateComment, setSurveyPublished, updateSurvey } from "@/server/survey/actions";
import { publicOrigin, surveyPath } from "@/server/survey/urls";
import { getDb } from "@/server/db";
import { formatDate, formatDateTime, formatNumber, formatPercent, quarterLabel } from "@/domain/format";
import { INDEX_RULE_VI, LIMIT_RULES_VI, REASON_LABEL, SAMPLE_SIZE_RULE_VI } from "@/domain/survey";
import { SUBMISSION_STATUS_LABEL } from "@/domain/labels";
import { isEditable } from "@/domain/reporting/workflow";
import { PageHeader } from "@/components/ui/page-header";
import { ActionForm } from "@/components/forms/action-form";
import { InlineAction } from "@/components/forms/inline-action";
import { TextAreaField, TextField } from "@/components/forms/fields";
import { Distribution, PercentBar } from "@/components/survey/survey-bars";

export const metadata: Metadata = { title: "Kết quả khảo sát" };

const COMMENT_STATUS = { PENDING: "Chờ duyệt", APPROVED: "Được công khai", REJECTED: "Không công khai" } as const;

export default async function SurveyPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("survey.read");
  const { id } = await params;
  const r = await orRefusePage(surveyResults(actor, id));
  const { survey, summary, needed, sipas } = r;
  const own = isCommuneUser(actor) && actor.orgUnitId === survey.communeId;
  const canManage = own && roleMay(actor.role, "survey.manage");
  const canPublish = own && roleMay(actor.role, "survey.publish");
  const canConfirm = own && roleMay(actor.role, "report.write");
  const origin = await publicOrigin();
  const codes = canManage && survey.requireReceiptCode
    ? (await (await getDb()).surveyReceiptCode.findMany({ where: { surveyId: survey.id, usedAt: null }, select: { code: true }, orderBy: { createdAt: "desc" }, take: 500 })).map((c) => c.code)
    : [];
  const quartersWithAnswers = sipas.quarters.filter((q) => q.denominator > 0);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={isCommuneUser(actor) ? "/khao-sat" : "/xet-duyet"}>← {isCommuneUser(actor) ? "Các cuộc khảo sát" : "Các xã"}</Link>
      </p>
      <PageHeader
        title={survey.title}
        subtitle={`${survey.commune.name} · ${formatDate(survey.startsOn)} – ${formatDate(survey.endsOn)} · ${survey.open ? "đang nhận phiếu" : "đã đóng"} · ${survey.published ? "kết quả được công khai" : "chưa công khai"}`}
        actions={
          own ? (
            <>
              <a className="btn" href={surveyPath(survey.code)} target="_blank" rel="noopener">
                Mở phiếu khảo sát
              </a>
              <Link className="btn" href={`/khao-sat/${survey.id}/ap-phich`}>
                In áp phích QR
              </Link>
            </>
          ) : undefined
        }
      />

      <section className="mb-4 grid gap-3 sm:grid-cols-3">
        <div className="card">
          <p className="text-sm text-slate-600">Số phiếu</p>
          <p className="text-2xl font-semibold tabular-nums">{formatNumber(summary.answers)}</p>
        </div>
        <div className="card">
          <p className="text-sm text-slate-600">Chỉ số hài lòng chung</p>
          <p className="text-2xl font-semibold tabular-nums">{summary.overall === null ? "–" : formatPercent(summary.overall, { maxDecimals: 1 })}</p>
          <p className="text-xs text-slate-600">
            {formatNumber(summary.satisfied)}/{formatNumber(summary.answers)} phiếu hài lòng
          </p>
        </div>
        <div className="card">
          <p className="text-sm text-slate-600">Cỡ mẫu cần đạt</p>
          {needed === null ? (
            <p className="text-sm">Chưa nhập số hồ sơ dự kiến (N).</p>
          ) : (
            <>
              <p className="text-2xl font-semibold tabular-nums">{formatNumber(needed)}</p>
              <p className={`text-xs ${summary.answers >= needed ? "text-green-800" : "text-amber-800"}`}>
                {summary.answers >= needed ? "Đã đủ mẫu" : `Còn thiếu ${formatNumber(needed - summary.answers)} phiếu`} (N = {formatNumber(survey.dossierCount)}, e = {survey.marginPercent}%)
              </p>
            </>
          )}
        </div>
      </section>

      <section className="card mb-4 overflow-x-auto">
        <h2 className="mb-2 font-semibold">Chỉ số theo khía cạnh</h2>
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-slate-600">
              <th className="py-1 pr-3">Khía cạnh</th>
              <th className="py-1 pr-3 text-right">Số người chấm</th>
              <th className="py-1 pr-3">Tỷ lệ hài lòng</th>
              <th className="py-1">Phân bố (1 → 5 sao)</th>
            </tr>
          </thead>
          <tbody>
            {summary.aspects.map((a) => (
              <tr key={a.key} className="border-t border-slate-200">
                <td className="py-1.5 pr-3">{a.label}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatNumber(a.rated)}</td>
                <td className="py-1.5 pr-3">
                  <PercentBar value={a.percent} />
                </td>
                <td className="py-1.5">
                  <Distribution counts={a.distribution} />
                </td>
              </tr>
            ))}
            {survey.extraQuestions.map((q, i) => (
              <tr key={`x${i}`} className="border-t border-slate-200">
                <td className="py-1.5 pr-3">{q}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatNumber(summary.extra[i]?.rated ?? 0)}</td>
                <td className="py-1.5 pr-3">
                  <PercentBar value={summary.extra[i]?.percent ?? null} />
                </td>
                <td className="py-1.5">
                  <Distribution counts={summary.extra[i]?.distribution ?? [0, 0, 0, 0, 0]} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <details className="mt-2 text-xs text-slate-700">
          <summary>Cách tính</summary>
          <ul className="ml-4 list-disc">
            {[...INDEX_RULE_VI, SAMPLE_SIZE_RULE_VI, ...LIMIT_RULES_VI].map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </details>
      </section>

      <div className="mb-4 grid gap-4 lg:grid-cols-2">
        <section className="card">
          <h2 className="mb-2 font-semibold">Lý do chưa hài lòng</h2>
          {summary.reasons.length === 0 ? (
            <p className="text-sm text-slate-600">Chưa có.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {summary.reasons.map((x) => (
                <li key={x.code} className="flex justify-between gap-2">
                  <span>{x.label}</span>
                  <span className="tabular-nums">{formatNumber(x.count)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card">
          <h2 className="mb-2 font-semibold">Diễn biến theo tháng</h2>
          {summary.months.length === 0 ? (
            <p className="text-sm text-slate-600">Chưa có phiếu.</p>
          ) : (
            <table className="w-full text-sm">
              <tbody>
                {summary.months.map((m) => (
                  <tr key={m.month}>
                    <td className="py-0.5 pr-3 whitespace-nowrap">
                      Tháng {m.month.slice(5)}/{m.month.slice(0, 4)}
                    </td>
                    <td className="py-0.5 pr-3">
                      <PercentBar value={m.percent} />
                    </td>
                    <td className="py-0.5 text-right text-xs tabular-nums">{formatNumber(m.answers)} phiếu</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <section className="card mb-4">
        <h2 className="mb-1 font-semibold">Đưa vào chỉ tiêu hài lòng (SIPAS) của báo cáo quý</h2>
        <p className="mb-2 text-xs text-slate-600">Số liệu đề xuất = số phiếu hài lòng / tổng số phiếu của quý. Công chức xác nhận thì số liệu được ghi vào báo cáo quý như khi nhập ở trang Báo cáo quý (có lưu lịch sử); báo cáo đã nộp hoặc đã duyệt thì không ghi được.</p>
        {sipas.indicators.length === 0 ? (
          <p className="text-sm text-slate-600">Kế hoạch năm {survey.year} của xã không có chỉ tiêu hài lòng (SIPAS) dạng tỷ lệ.</p>
        ) : quartersWithAnswers.length === 0 ? (
          <p className="text-sm text-slate-600">Chưa có phiếu trong năm {survey.year}.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-slate-600">
                  <th className="py-1 pr-3">Quý</th>
                  <th className="py-1 pr-3">Chỉ tiêu</th>
                  <th className="py-1 pr-3">Đề xuất</th>
                  <th className="py-1 pr-3">Đang ghi trong báo cáo</th>
                  <th className="py-1"></th>
                </tr>
              </thead>
              <tbody>
                {quartersWithAnswers.flatMap((q) =>
                  sipas.indicators.map((ind) => {
                    const cur = sipas.current.find((v) => v.indicatorId === ind.id && v.quarter === q.quarter);
                    const status = sipas.reportStatus[q.quarter];
                    const editable = !status || isEditable(status);
                    const curText = cur ? (cur.numerator !== null ? `${formatNumber(cur.numerator)}/${formatNumber(cur.denominator)}` : cur.value !== null ? formatPercent(cur.value, { maxDecimals: 2 }) : "(trống)") : "(trống)";
                    return (
                      <tr key={`${q.quarter}-${ind.id}`} className="border-t border-slate-200">
                        <td className="py-1.5 pr-3 whitespace-nowrap">{quarterLabel(q.quarter)}</td>
                        <td className="py-1.5 pr-3">
                          {ind.code ? `${ind.code}. ` : ""}
                          {ind.name}
                          {ind.targetText && <span className="text-xs text-slate-600"> (mục tiêu: {ind.targetText})</span>}
                        </td>
                        <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">
                          {formatNumber(q.numerator)}/{formatNumber(q.denominator)} = {formatPercent((q.numerator * 100) / q.denominator, { maxDecimals: 2 })}
                        </td>
                        <td className="py-1.5 pr-3 whitespace-nowrap">
                          {curText}
                          {status && <span className="text-xs text-slate-600"> · {SUBMISSION_STATUS_LABEL[status]}</span>}
                        </td>
                        <td className="py-1.5">
                          {canConfirm && editable ? (
                            <InlineAction
                              action={confirmSipasFigure}
                              className="btn btn-primary px-2 py-0.5 text-xs"
                              fields={{ surveyId: survey.id, indicatorId: ind.id, quarter: String(q.quarter), numerator: String(q.numerator), denominator: String(q.denominator), version: "" }}
                              confirm={`Ghi ${q.numerator}/${q.denominator} vào chỉ tiêu "${ind.name.slice(0, 60)}" của báo cáo ${quarterLabel(q.quarter)}?`}
                            >
                              Xác nhận số liệu
                            </InlineAction>
                          ) : !editable ? (
                            <span className="text-xs text-slate-600">Báo cáo đã khóa</span>
                          ) : null}
                        </td>
                      </tr>
                    );
                  }),
                )}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card mb-4">
        <h2 className="mb-1 font-semibold">Ý kiến của người dân</h2>
        <p className="mb-2 text-xs text-slate-600">Ý kiến chỉ hiện trên trang công khai sau khi Chủ tịch UBND xã duyệt. Thông tin liên hệ (nếu người dân để lại) không bao giờ được công khai.</p>
        {r.comments.length === 0 ? (
          <p className="text-sm text-slate-600">Chưa có ý kiến.</p>
        ) : (
          <ul className="divide-y divide-slate-200 text-sm">
            {r.comments.map((c) => (
              <li key={c.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
                <div className="min-w-0 flex-1">
                  <p className="whitespace-pre-wrap break-words">{c.comment}</p>
                  <p className="text-xs text-slate-600">
                    {formatDateTime(c.createdAt)}
                    {c.desk && ` · ${c.desk}`}
                    {c.reasons.length > 0 && ` · ${c.reasons.map((x) => REASON_LABEL[x] ?? x).join(", ")}`}
                    {own && c.contact && ` · liên hệ: ${c.contact}`} · <strong>{COMMENT_STATUS[c.commentStatus ?? "PENDING"]}</strong>
                  </p>
                </div>
                {canPublish && (
                  <div className="flex gap-1">
                    {c.commentStatus !== "APPROVED" && (
                      <InlineAction action={moderateComment} fields={{ responseId: c.id, decision: "APPROVED" }}>
                        Duyệt công khai
                      </InlineAction>
                    )}
                    {c.commentStatus !== "REJECTED" && (
                      <InlineAction action={moderateComment} fields={{ responseId: c.id, decision: "REJECTED" }}>
                        Không công khai
                      </InlineAction>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {(canManage || canPublish) && (
        <div className="grid gap-4 lg:grid-cols-2">
          {canManage && (
            <section className="card">
              <h2 className="mb-2 font-semibold">Cài đặt</h2>
              <ActionForm action={updateSurvey} submitLabel="Lưu cài đặt" className="space-y-3">
                <input type="hidden" name="surveyId" value={survey.id} />
                <input type="hidden" name="version" value={survey.version} />
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="open" defaultChecked={survey.open} /> Đang nhận phiếu
                </label>
                <TextAreaField name="desks" label="Quầy hoặc lĩnh vực (mỗi dòng một)" rows={3} defaultValue={survey.desks.join("\n")} />
                <div className="grid grid-cols-2 gap-3">
                  <TextField name="dossierCount" label="Số hồ sơ dự kiến (N)" defaultValue={survey.dossierCount?.toString() ?? ""} />
                  <TextField name="marginPercent" label="Sai số e (%)" defaultValue={String(survey.marginPercent)} />
                </div>
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="requireReceiptCode" defaultChecked={survey.requireReceiptCode} /> Yêu cầu mã một lần in trên giấy biên nhận
                </label>
              </ActionForm>
              <p className="mt-3 text-xs text-slate-600">
                Địa chỉ phiếu: <code className="break-all">{origin}{surveyPath(survey.code)}</code>
              </p>
            </section>
          )}
          <section className="card">
            {canPublish && (
              <>
                <h2 className="mb-2 font-semibold">Công khai kết quả</h2>
                <ActionForm action={setSurveyPublished} submitLabel="Lưu" className="text-sm">
                  <input type="hidden" name="surveyId" value={survey.id} />
                  <label className="flex items-center gap-2">
                    <input type="checkbox" name="published" defaultChecked={survey.published} /> Công khai kết quả cuộc khảo sát này trên trang của xã
                  </label>
                </ActionForm>
              </>
            )}
            {canManage && survey.requireReceiptCode && (
              <div className="mt-4">
                <h2 className="mb-1 font-semibold">Mã biên nhận một lần</h2>
                <p className="mb-2 text-xs text-slate-600">
                  Đã tạo {formatNumber(r.receiptCodes.total)}, đã dùng {formatNumber(r.receiptCodes.used)}, còn {formatNumber(r.receiptCodes.unused)}. In mỗi mã lên một giấy biên nhận.
                </p>
                <ActionForm action={generateReceiptCodes} submitLabel="Tạo thêm mã" className="text-sm">
                  <input type="hidden" name="surveyId" value={survey.id} />
                  <TextField name="count" label="Số mã cần tạo (tối đa 500)" defaultValue="50" />
                </ActionForm>
                {codes.length > 0 && (
                  <details className="mt-2 text-sm">
                    <summary>Xem {formatNumber(codes.length)} mã chưa dùng</summary>
                    <p className="mt-1 font-mono text-xs leading-relaxed break-words">{codes.join(" · ")}</p>
                  </details>
                )}
              </div>
            )}
          </section>
        </div>
      )}
    </>
  );
}

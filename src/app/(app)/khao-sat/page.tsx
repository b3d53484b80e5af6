import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/server/auth/guard";
import { roleMay, isCommuneUser } from "@/domain/policy";
import { listSurveys } from "@/server/survey/queries";
import { createSurvey, savePublication } from "@/server/survey/actions";
import { publicOrigin, publicPath } from "@/server/survey/urls";
import { getDb } from "@/server/db";
import { formatDate, formatNumber } from "@/domain/format";
import { PageHeader } from "@/components/ui/page-header";
import { ActionForm } from "@/components/forms/action-form";
import { TextAreaField, TextField } from "@/components/forms/fields";
import { ASPECTS } from "@/domain/survey";

export const metadata: Metadata = { title: "Khảo sát hài lòng" };

export default async function SurveysPage() {
  const actor = await requirePageActor("survey.read");
  if (!isCommuneUser(actor)) {
    return (
      <>
        <PageHeader title="Khảo sát hài lòng" />
        <p className="card">Kết quả khảo sát của các xã hiển thị trên trang xét duyệt báo cáo quý của từng xã, bên cạnh chỉ tiêu hài lòng (SIPAS).</p>
      </>
    );
  }
  const [surveys, publication, origin] = await Promise.all([
    listSurveys(actor),
    (await getDb()).publicationSetting.findUnique({ where: { communeId: actor.orgUnitId } }),
    publicOrigin(),
  ]);
  const canManage = roleMay(actor.role, "survey.manage");
  const canPublish = roleMay(actor.role, "survey.publish");
  return (
    <>
      <PageHeader title="Khảo sát hài lòng của người dân" subtitle={`${actor.orgUnitName} · phiếu đánh giá nhanh bằng mã QR tại bộ phận một cửa`} />
      <section className="card mb-4 overflow-x-auto">
        <h2 className="mb-2 font-semibold">Các cuộc khảo sát</h2>
        {surveys.length === 0 ? (
          <p className="text-sm text-slate-600">Chưa có cuộc khảo sát nào.</p>
        ) : (
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th className="py-1 pr-3">Tên</th>
                <th className="py-1 pr-3">Thời gian</th>
                <th className="py-1 pr-3 text-right">Số phiếu</th>
                <th className="py-1 pr-3">Trạng thái</th>
                <th className="py-1">Công khai</th>
              </tr>
            </thead>
            <tbody>
              {surveys.map((s) => (
                <tr key={s.id} className="border-t border-slate-200">
                  <td className="py-1.5 pr-3">
                    <Link href={`/khao-sat/${s.id}`}>{s.title}</Link>
                  </td>
                  <td className="py-1.5 pr-3 whitespace-nowrap">
                    {formatDate(s.startsOn)} – {formatDate(s.endsOn)}
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{formatNumber(s.answers)}</td>
                  <td className="py-1.5 pr-3">{s.open ? "Đang nhận phiếu" : "Đã đóng"}</td>
                  <td className="py-1.5">{s.published ? "Có" : "Không"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <div className="grid gap-4 lg:grid-cols-2">
        {canManage && (
          <section className="card">
            <h2 className="mb-1 font-semibold">Tạo cuộc khảo sát</h2>
            <p className="mb-2 text-xs text-slate-600">
              Mẫu phiếu theo các khía cạnh của SIPAS, thang 5 mức: {ASPECTS.map((a) => a.label.toLowerCase()).join("; ")}.
            </p>
            <ActionForm action={createSurvey} submitLabel="Tạo khảo sát" resetOnSuccess className="space-y-3">
              <TextField name="title" label="Tên cuộc khảo sát" required defaultValue={`Khảo sát mức độ hài lòng năm ${new Date().getFullYear()}`} />
              <div className="grid grid-cols-2 gap-3">
                <TextField name="startsOn" label="Từ ngày" required placeholder="dd/mm/yyyy" />
                <TextField name="endsOn" label="Đến ngày" required placeholder="dd/mm/yyyy" />
              </div>
              <TextAreaField name="desks" label="Quầy hoặc lĩnh vực (mỗi dòng một; mỗi dòng in một áp phích)" rows={3} hint="Ví dụ: Quầy Tư pháp – Hộ tịch" />
              <TextAreaField name="extraQuestions" label="Câu hỏi thêm, thang 5 mức (không bắt buộc, mỗi dòng một câu, tối đa 5)" rows={2} />
              <div className="grid grid-cols-2 gap-3">
                <TextField name="dossierCount" label="Số hồ sơ dự kiến trong kỳ (N)" hint="Để tính cỡ mẫu cần đạt" />
                <TextField name="marginPercent" label="Sai số cho phép e (%)" defaultValue="5" />
              </div>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="requireReceiptCode" /> Yêu cầu mã một lần in trên giấy biên nhận
              </label>
            </ActionForm>
          </section>
        )}
        <section className="card">
          <h2 className="mb-1 font-semibold">Trang công khai kết quả</h2>
          {publication?.enabled ? (
            <p className="mb-2 text-sm">
              Đang công khai tại{" "}
              <a href={publicPath(publication.slug)} target="_blank" rel="noopener">
                {origin}
                {publicPath(publication.slug)}
              </a>{" "}
              (có bản <a href={`${publicPath(publication.slug)}/du-lieu.csv`}>CSV</a> và <a href={`${publicPath(publication.slug)}/du-lieu.json`}>JSON</a>).
            </p>
          ) : (
            <p className="mb-2 text-sm text-slate-600">Chưa công khai. Chỉ Chủ tịch UBND xã chọn nội dung được công khai.</p>
          )}
          {publication?.enabled && (
            <div className="mb-3">
              <p className="label">Mã nhúng vào trang thông tin điện tử của xã</p>
              <code className="block break-all rounded bg-slate-100 p-2 text-xs">{`<iframe src="${origin}${publicPath(publication.slug)}" title="Kết quả cải cách hành chính" style="width:100%;height:900px;border:0"></iframe>`}</code>
            </div>
          )}
          {canPublish && (
            <ActionForm action={savePublication} submitLabel="Lưu lựa chọn công khai" className="space-y-2 text-sm">
              <label className="flex items-center gap-2">
                <input type="checkbox" name="enabled" defaultChecked={publication?.enabled ?? false} /> Công khai trang kết quả của xã
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="showIndicators" defaultChecked={publication?.showIndicators ?? true} /> Chỉ tiêu kế hoạch so với mục tiêu (chỉ các quý đã được phê duyệt)
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="showTasks" defaultChecked={publication?.showTasks ?? true} /> Nhiệm vụ đã hoàn thành
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="showSurveys" defaultChecked={publication?.showSurveys ?? true} /> Kết quả khảo sát (chỉ các cuộc khảo sát được chọn công khai, ý kiến đã duyệt)
              </label>
            </ActionForm>
          )}
        </section>
      </div>
    </>
  );
}

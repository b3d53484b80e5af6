import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/server/auth/guard";
import { assessmentHome } from "@/server/assessment/queries";
import { createAssessmentSetAndOpen } from "@/server/assessment/set-actions";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { pts, StageBadge } from "@/components/assessment/labels";
import { formatDate, todayInVietnam } from "@/domain/format";
import { isCommuneUser } from "@/domain/policy";

export const metadata: Metadata = { title: "Chấm điểm Chỉ số CCHC" };

export default async function AssessmentHomePage() {
  const actor = await requirePageActor("assessment.read");
  const home = await assessmentHome(actor);
  const year = Number(todayInVietnam().slice(0, 4));
  const managesSets = actor.role === "REVIEWER" || actor.role === "ADMIN";
  return (
    <>
      <PageHeader title="Chấm điểm Chỉ số CCHC" subtitle={`${actor.orgUnitName} · tự chấm, thẩm định, giải trình và kết quả`} />
      {managesSets && (
        <section aria-labelledby="sets-h" className="mb-6">
          <h2 id="sets-h" className="mb-2 text-lg font-semibold">Bộ tiêu chí</h2>
          {home.sets.length ? (
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="table-basic">
                <thead>
                  <tr>
                    <th scope="col">Năm</th>
                    <th scope="col">Bộ tiêu chí</th>
                    <th scope="col">Đơn vị ban hành</th>
                    <th scope="col">Trạng thái</th>
                    <th scope="col">Số xã</th>
                    <th scope="col">Kết quả</th>
                  </tr>
                </thead>
                <tbody>
                  {home.sets.map((s) => (
                    <tr key={s.id}>
                      <td>{s.year}</td>
                      <td>
                        <Link href={`/cham-diem/bo-tieu-chi/${s.id}`} className="text-blue-800 underline">
                          {s.title}
                        </Link>
                        {s.amendment > 1 && <span className="ml-1 text-xs text-slate-600">(điều chỉnh lần {s.amendment - 1})</span>}
                      </td>
                      <td>{s.issuer}</td>
                      <td>{s.status === "PUBLISHED" ? <Badge tone="green">Đã công bố</Badge> : <Badge>Bản nháp</Badge>}</td>
                      <td className="text-right">{s.assessments}</td>
                      <td>{s.status === "PUBLISHED" && <Link href={`/cham-diem/ket-qua/${s.id}`} className="text-blue-800 underline">Xếp hạng</Link>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="text-sm text-slate-600">Chưa có bộ tiêu chí nào.</p>
          )}
          <details className="card mt-3">
            <summary className="cursor-pointer font-medium">Tạo bộ tiêu chí mới</summary>
            <ActionForm action={createAssessmentSetAndOpen} submitLabel="Tạo bộ tiêu chí" className="mt-3 grid max-w-xl gap-3">
              <TextField name="title" label="Tên bộ tiêu chí" required defaultValue={`Bộ tiêu chí Chỉ số CCHC cấp xã năm ${year}`} />
              <TextField name="year" label="Năm đánh giá" required defaultValue={String(year)} />
              {actor.role === "ADMIN" && <SelectField name="issuerUnitId" label="Đơn vị ban hành" required options={home.issuers.map((u) => ({ value: u.id, label: u.name }))} />}
              <SelectField
                name="start"
                label="Bắt đầu từ"
                defaultValue="copy"
                options={[
                  { value: "copy", label: "Sao chép bộ tiêu chí năm trước" },
                  { value: "empty", label: "Bộ trống (nhập từ Excel/Word sau)" },
                  { value: "demo", label: "Bộ mẫu minh họa (không chính thức)" },
                ]}
              />
            </ActionForm>
          </details>
        </section>
      )}
      <section aria-labelledby="assess-h">
        <h2 id="assess-h" className="mb-2 text-lg font-semibold">{isCommuneUser(actor) ? "Phiếu tự chấm của xã" : "Phiếu chấm điểm các xã"}</h2>
        {home.assessments.length ? (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="table-basic">
              <thead>
                <tr>
                  <th scope="col">Năm</th>
                  {!isCommuneUser(actor) && <th scope="col">Xã</th>}
                  <th scope="col">Bộ tiêu chí</th>
                  <th scope="col">Tình trạng</th>
                  <th scope="col" className="text-right">Tự chấm</th>
                  <th scope="col" className="text-right">Chính thức</th>
                </tr>
              </thead>
              <tbody>
                {home.assessments.map((a) => (
                  <tr key={a.id}>
                    <td>{a.set.year}</td>
                    {!isCommuneUser(actor) && <td>{a.commune}</td>}
                    <td>
                      <Link href={`/cham-diem/${a.id}`} className="text-blue-800 underline">
                        {a.set.title}
                      </Link>
                      <div className="text-xs text-slate-600">{a.set.issuerUnit.name}</div>
                    </td>
                    <td>
                      <StageBadge status={a.status} stage={a.stage} />
                      {a.status === "RETURNED" && a.explainDueDate && <div className="text-xs text-slate-600">hạn giải trình {formatDate(a.explainDueDate)}</div>}
                    </td>
                    <td className="text-right">{pts(a.selfTotal)}</td>
                    <td className="text-right font-semibold">{pts(a.finalTotal)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-sm text-slate-600">Chưa có phiếu chấm điểm nào.</p>
        )}
      </section>
    </>
  );
}

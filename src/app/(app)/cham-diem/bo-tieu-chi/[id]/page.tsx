import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/server/auth/guard";
import { setDetail } from "@/server/assessment/queries";
import { amendAssessmentSet, publishAssessmentSet, updateSubCriterion } from "@/server/assessment/set-actions";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/forms/fields";
import { ActionButton } from "@/components/assessment/action-button";
import { CriteriaImport } from "@/components/assessment/criteria-import";
import { CriteriaAdd } from "@/components/assessment/criteria-add";
import { DemoNote, pts } from "@/components/assessment/labels";
import { describeRule, structureWarnings, subCriteriaOf, sumMaxPoints, type FigureRule } from "@/domain/assessment";
import { loadStructureOf } from "@/server/assessment/set-view";

export const metadata: Metadata = { title: "Bộ tiêu chí Chỉ số CCHC" };

export default async function CriteriaSetPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("assessment.read");
  const { id } = await params;
  const { set, manages, newer } = await setDetail(actor, id);
  const editable = manages && set.status === "DRAFT";
  const subs = subCriteriaOf(set.areas);
  const total = sumMaxPoints(subs);
  const warnings = structureWarnings(loadStructureOf(set));
  return (
    <>
      <PageHeader
        title={set.title}
        subtitle={`${set.issuerUnit.name} · năm ${set.year}${set.amendment > 1 ? ` · điều chỉnh lần ${set.amendment - 1}` : ""} · ${subs.length} tiêu chí thành phần · tổng ${pts(total)} điểm`}
        actions={
          <>
            {set.status === "PUBLISHED" && (
              <Link href={`/cham-diem/ket-qua/${set.id}`} className="btn">
                Kết quả, xếp hạng
              </Link>
            )}
            <Link href="/cham-diem" className="btn">
              Về danh sách
            </Link>
          </>
        }
      />
      {set.isDemo && <DemoNote />}
      <div className="mb-3 flex flex-wrap items-center gap-2 text-sm">
        {set.status === "PUBLISHED" ? <Badge tone="green">Đã công bố – đã khóa</Badge> : <Badge>Bản nháp – đang soạn</Badge>}
        {set.amendmentReason && <span>Lý do điều chỉnh: {set.amendmentReason}</span>}
        {newer && (
          <Link href={`/cham-diem/bo-tieu-chi/${newer.id}`} className="text-blue-800 underline">
            Đã có bản điều chỉnh lần {newer.amendment - 1}
          </Link>
        )}
      </div>
      {warnings.length > 0 && (
        <ul className="mb-3 list-disc pl-5 text-sm text-amber-900">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {editable && (
        <section className="card mb-4" aria-labelledby="edit-h">
          <h2 id="edit-h" className="mb-2 font-semibold">Soạn bộ tiêu chí</h2>
          <details>
            <summary className="cursor-pointer text-sm font-medium">Nhập từ Excel, Word hoặc bảng dán</summary>
            <div className="mt-2">
              <CriteriaImport setId={set.id} version={set.version} />
            </div>
          </details>
          <CriteriaAdd setId={set.id} version={set.version} areas={set.areas.map((a) => ({ code: a.code, title: a.title, criteria: a.criteria.map((c) => ({ code: c.code, title: c.title })) }))} />
          <div className="mt-3">
            <ActionButton action={publishAssessmentSet} payload={{ setId: set.id, version: set.version }} label="Công bố bộ tiêu chí (khóa lại, các xã nhận phiếu tự chấm)" confirm="Công bố bộ tiêu chí? Sau khi công bố, muốn sửa phải tạo bản điều chỉnh." primary />
          </div>
        </section>
      )}
      {manages && set.status === "PUBLISHED" && !newer && (
        <details className="card mb-4">
          <summary className="cursor-pointer font-medium">Điều chỉnh bộ tiêu chí đã công bố</summary>
          <ActionForm action={amendAssessmentSet} submitLabel="Tạo bản điều chỉnh" className="mt-2 grid max-w-xl gap-2">
            <input type="hidden" name="setId" value={set.id} />
            <TextAreaField name="reason" label="Lý do điều chỉnh" required />
          </ActionForm>
        </details>
      )}
      {set.areas.map((area) => (
        <section key={area.id} className="mb-4" aria-label={`${area.code}. ${area.title}`}>
          <h2 className="mb-1 font-semibold">
            {area.code}. {area.title} <span className="font-normal text-slate-600">({pts(sumMaxPoints(subCriteriaOf([area])))} điểm)</span>
          </h2>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="table-basic text-sm">
              <thead>
                <tr>
                  <th scope="col">Mã</th>
                  <th scope="col">Tiêu chí</th>
                  <th scope="col" className="text-right">Tối đa</th>
                  <th scope="col">Hướng dẫn chấm</th>
                  <th scope="col">Tài liệu kiểm chứng</th>
                  <th scope="col">Chấm</th>
                </tr>
              </thead>
              <tbody>
                {area.criteria.map((c) => [
                  c.subCriteria.length !== 1 || c.subCriteria[0].code !== c.code ? (
                    <tr key={c.id} className="bg-slate-50">
                      <td>{c.code}</td>
                      <td colSpan={5} className="font-medium">{c.title}</td>
                    </tr>
                  ) : null,
                  ...c.subCriteria.map((s) => (
                    <tr key={s.id}>
                      <td>{s.code}</td>
                      <td>
                        {s.text}
                        {editable && (
                          <details className="mt-1">
                            <summary className="cursor-pointer text-xs text-blue-800">Sửa</summary>
                            <ActionForm action={updateSubCriterion} submitLabel="Lưu tiêu chí" className="mt-1 grid gap-2">
                              <input type="hidden" name="setId" value={set.id} />
                              <input type="hidden" name="id" value={s.id} />
                              <TextField id={`t-${s.id}`} name="text" label="Nội dung" defaultValue={s.text} required />
                              <TextField id={`m-${s.id}`} name="maxPoints" label="Điểm tối đa" defaultValue={String(Number(s.maxPoints)).replace(".", ",")} required />
                              <label className="flex items-center gap-2 text-sm">
                                <input type="checkbox" name="allowHalf" defaultChecked={s.allowHalf} /> Cho chấm 0,5 điểm
                              </label>
                              <TextAreaField id={`g-${s.id}`} name="guidance" label="Hướng dẫn chấm" defaultValue={s.guidance} />
                              <TextAreaField id={`e-${s.id}`} name="expectedEvidence" label="Tài liệu kiểm chứng" defaultValue={s.expectedEvidence} />
                              <SelectField id={`s-${s.id}`} name="scoredBy" label="Ai chấm" defaultValue={s.scoredBy} options={[{ value: "SELF", label: "Xã tự chấm" }, { value: "PROVINCE", label: "Tỉnh chấm (điều tra, khảo sát)" }]} />
                            </ActionForm>
                          </details>
                        )}
                      </td>
                      <td className="text-right">{pts(Number(s.maxPoints))}{s.allowHalf && <div className="text-xs text-slate-600">bước 0,5</div>}</td>
                      <td>
                        {s.guidance}
                        {s.figureRule && <div className="mt-1 text-xs text-blue-900">Quy tắc theo số liệu: {describeRule(s.figureRule as unknown as FigureRule)}</div>}
                      </td>
                      <td>{s.expectedEvidence}</td>
                      <td>{s.scoredBy === "PROVINCE" ? "Tỉnh" : "Xã"}</td>
                    </tr>
                  )),
                ])}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}

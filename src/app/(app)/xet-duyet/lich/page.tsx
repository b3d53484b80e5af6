import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/server/auth/guard";
import { unitCalendar } from "@/server/calendar/queries";
import { setDeadlineRule, setReportingDeadline } from "@/server/calendar/actions";
import { formatDate, quarterLabel } from "@/domain/format";
import { COMMON_RULE, describeRule, resolveDeadline, SOURCE_LABEL, vnDate } from "@/domain/calendar";
import { PageHeader } from "@/components/ui/page-header";
import { YearPicker } from "@/components/ui/year-picker";
import { ActionForm } from "@/components/forms/action-form";
import { yearParam } from "@/domain/period";
import { SelectField, TextField } from "@/components/forms/fields";
import { isCommuneUser } from "@/domain/policy";

export const metadata: Metadata = { title: "Lịch báo cáo" };

export default async function CalendarPage({ searchParams }: { searchParams: Promise<{ nam?: string }> }) {
  const actor = await requirePageActor("review.read");
  const today = vnDate();
  const { nam } = await searchParams;
  const year = yearParam(nam) ?? Number(today.slice(0, 4));
  if (isCommuneUser(actor)) return null;
  const own = await unitCalendar(actor.orgUnitId, year);
  const isProvince = own.unit.level === "PROVINCE";
  const province = isProvince ? own : own.unit.parent?.level === "PROVINCE" ? await unitCalendar(own.unit.parent.id, year) : null;
  const mayEdit = actor.role === "REVIEWER" && (own.unit.level === "PROVINCE" || own.unit.level === "DISTRICT");
  const rows = [1, 2, 3, 4].map((q) => {
    const p = province?.entries[q - 1];
    const d = isProvince ? null : own.entries[q - 1];
    const resolved = resolveDeadline({
      year,
      quarter: q,
      province: province ? { unitName: province.unit.name, dueDate: p?.dueDate, cutoffDate: p?.cutoffDate, rule: province.rule } : null,
      district: isProvince ? null : { unitName: own.unit.name, dueDate: d?.dueDate, cutoffDate: d?.cutoffDate },
    });
    return { quarter: q, ownEntry: own.entries[q - 1], resolved };
  });
  return (
    <>
      <PageHeader
        title={`Lịch báo cáo quý năm ${year}`}
        subtitle={`${own.unit.name} · ngày giờ theo múi giờ Việt Nam`}
        actions={
          <>
            <Link href={`/xet-duyet/nop-bao-cao?nam=${year}`} className="btn">
              Tình hình nộp báo cáo
            </Link>
            <YearPicker path="/xet-duyet/lich" years={[year - 1, year, year + 1]} current={year} />
          </>
        }
      />
      <p className="mb-3 max-w-3xl text-sm text-slate-700">
        Tỉnh quy định hạn nộp báo cáo từng quý mỗi năm (và ngày chốt số liệu nếu có). Huyện có thể đặt hạn sớm hơn cho các xã trực thuộc. Năm chưa quy định thì dùng quy tắc mặc định của tỉnh, nếu tỉnh chưa đặt thì theo thông lệ ({describeRule(COMMON_RULE)}). Xã thấy hạn và nguồn của hạn trên trang “Việc cần làm”.
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} role="region" aria-label="Bảng hạn nộp theo quý">
        <table className="table-basic">
          <thead>
            <tr>
              <th scope="col">Quý</th>
              <th scope="col">Hạn áp dụng cho xã</th>
              <th scope="col">Nguồn</th>
              <th scope="col">Ngày chốt số liệu</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.quarter}>
                <th scope="row">{quarterLabel(r.quarter, year)}</th>
                <td className="font-semibold">{formatDate(r.resolved.dueDate)}</td>
                <td>
                  <div>{SOURCE_LABEL[r.resolved.source]}</div>
                  <div className="text-xs text-slate-600">{r.resolved.sourceText}</div>
                </td>
                <td>{r.resolved.cutoffDate ? formatDate(r.resolved.cutoffDate) : <span className="text-slate-500">Không quy định</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {mayEdit && (
        <section className="card mt-4" aria-labelledby="set-h">
          <h2 id="set-h" className="mb-1 font-semibold">
            Hạn do {own.unit.name} đặt cho năm {year}
          </h2>
          <p className="mb-2 text-sm text-slate-600">
            {isProvince ? "Áp dụng cho mọi xã trong tỉnh." : "Chỉ được sớm hơn hạn của tỉnh."} Chọn “Bỏ hạn đã đặt” để quay về hạn của tỉnh hoặc quy tắc mặc định.
          </p>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {rows.map((r) => (
              <ActionForm key={r.quarter} action={setReportingDeadline} submitLabel={`Lưu ${quarterLabel(r.quarter)}`}>
                <input type="hidden" name="year" value={year} />
                <input type="hidden" name="quarter" value={r.quarter} />
                <TextField id={`due-${r.quarter}`} name="dueDate" label={`Hạn nộp ${quarterLabel(r.quarter)} (dd/mm/yyyy)`} defaultValue={formatDate(r.ownEntry.dueDate)} />
                <TextField id={`cutoff-${r.quarter}`} name="cutoffDate" label="Ngày chốt số liệu (không bắt buộc)" defaultValue={formatDate(r.ownEntry.cutoffDate)} />
                {r.ownEntry.dueDate && (
                  <label className="mt-2 flex items-center gap-2 text-sm">
                    <input type="checkbox" name="clear" /> Bỏ hạn đã đặt
                  </label>
                )}
              </ActionForm>
            ))}
          </div>
        </section>
      )}
      {mayEdit && isProvince && (
        <section className="card mt-4 max-w-xl" aria-labelledby="rule-h">
          <h2 id="rule-h" className="mb-1 font-semibold">
            Quy tắc mặc định cho năm chưa đặt hạn
          </h2>
          <p className="mb-2 text-sm text-slate-600">Hiện dùng: {own.rule ? describeRule(own.rule) : `thông lệ, ${describeRule(COMMON_RULE)}`}.</p>
          <ActionForm action={setDeadlineRule} submitLabel="Lưu quy tắc" className="grid gap-3 sm:grid-cols-2">
            <TextField name="dayOfMonth" label="Ngày trong tháng" type="number" defaultValue={String(own.rule?.dayOfMonth ?? COMMON_RULE.dayOfMonth)} />
            <SelectField
              name="monthOffset"
              label="Tháng"
              defaultValue={String(own.rule?.monthOffset ?? COMMON_RULE.monthOffset)}
              options={[
                { value: "0", label: "Tháng cuối quý" },
                { value: "1", label: "Tháng đầu quý sau" },
              ]}
            />
          </ActionForm>
        </section>
      )}
    </>
  );
}

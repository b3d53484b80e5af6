import type { Metadata } from "next";
import { requirePageActor } from "@/server/auth/guard";
import { yearsInScope } from "@/server/review/queries";
import { comparisonTableOf, loadComparison } from "@/server/review/comparison";
import { comparisonChoice, type ComparisonParams } from "@/server/review/comparison-params";
import { INDICATOR_GROUP_LABEL } from "@/domain/labels";
import { routes } from "@/domain/routes";
import { quarterLabel } from "@/domain/format";
import { PageHeader } from "@/components/ui/page-header";
import { ComparisonResults } from "@/components/review/comparison-results";
import type { IndicatorGroup } from "@/domain/plan-import/types";

export const metadata: Metadata = { title: "So sánh các xã" };

export default async function ComparisonPage({ searchParams }: { searchParams: Promise<ComparisonParams> }) {
  const actor = await requirePageActor("review.read");
  const params = await searchParams;
  const years = await yearsInScope(actor);
  const { year, quarter, keys, group } = comparisonChoice(params, years);
  // The group shown as chosen is the one the comparison used (the default when none was asked).
  const c = await loadComparison(actor, year, quarter, { group, keys });
  const groups = [...new Set(c.options.map((o) => o.group))] as IndicatorGroup[];

  return (
    <>
      <PageHeader
        title="So sánh các xã"
        subtitle={`${actor.orgUnitName} · ${c.communes.length} xã · năm ${year}, lũy kế đến hết ${quarterLabel(quarter)}`}
        actions={
          <a className="btn" href={routes.api.comparisonXlsx(c.group ? { year, quarter, group: c.group } : { year, quarter, keys: c.selected.map((s) => s.key) })}>
            Tải Excel
          </a>
        }
      />
      <form method="get" className="card mb-4 grid gap-3 text-sm lg:grid-cols-[auto_auto_1fr_auto]">
        <label>
          <span className="label">Năm</span>
          <select name="nam" defaultValue={year} className="input">
            {[...new Set([...years, year])].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="label">Tính đến</span>
          <select name="quy" defaultValue={quarter} className="input">
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                Hết {quarterLabel(q)}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend className="label">Chỉ tiêu so sánh (chọn cả nhóm, hoặc đánh dấu từng chỉ tiêu)</legend>
          <div className="max-h-48 space-y-2 overflow-y-auto rounded border border-slate-200 p-2">
            {groups.map((g) => (
              <div key={g}>
                <label className="font-semibold">
                  <input type="radio" name="nhom" value={g} defaultChecked={c.group === g} className="mr-1" />
                  Cả nhóm {INDICATOR_GROUP_LABEL[g]}
                </label>
                {c.options
                  .filter((o) => o.group === g)
                  .map((o) => (
                    <label key={o.key} className="ml-5 block">
                      <input type="checkbox" name="ct" value={o.key} defaultChecked={c.selected.some((s) => s.key === o.key) && !c.group} className="mr-1" />
                      {o.name} <span className="text-slate-500">({o.communeCount} xã)</span>
                    </label>
                  ))}
              </div>
            ))}
          </div>
        </fieldset>
        <div className="self-end">
          <button type="submit" className="btn btn-primary">
            So sánh
          </button>
        </div>
      </form>

      <p role="status" className="mb-2 text-sm">
        Đang so sánh <strong>{c.selected.length} chỉ tiêu</strong>
        {c.group ? <> – cả nhóm {INDICATOR_GROUP_LABEL[c.group]}</> : " đã chọn"} (trong {c.options.length} chỉ tiêu có ở các xã); tỷ lệ đạt tính trên các chỉ tiêu này.
      </p>
      {/* The table and chart are drawn from figures and labels sent once (issue 21). */}
      <ComparisonResults
        data={comparisonTableOf(c)}
        notes={
          <>
            <p className="mb-2 text-xs text-slate-600">Dòng &quot;Toàn đơn vị&quot; của chỉ tiêu tỷ lệ = tổng tử số ÷ tổng mẫu số của các xã (không lấy trung bình tỷ lệ).</p>
            {c.onFile.length > 0 && (
              <p className="mb-2 text-xs text-slate-600">
                {c.onFile.length} xã đã nộp báo cáo {quarterLabel(quarter)}: số liệu và chỉ tiêu của các xã này lấy theo báo cáo đã nộp (đã duyệt), không theo số liệu sửa sau đó.
              </p>
            )}
          </>
        }
      />
    </>
  );
}

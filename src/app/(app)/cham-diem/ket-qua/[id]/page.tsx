import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/server/auth/guard";
import { assessmentResults } from "@/server/assessment/queries";
import { PageHeader } from "@/components/ui/page-header";
import { AreaBars } from "@/components/assessment/area-chart";
import { DemoNote, pts } from "@/components/assessment/labels";
import { BandsForm } from "@/components/assessment/bands-form";
import { isCommuneUser } from "@/domain/policy";

export const metadata: Metadata = { title: "Kết quả Chỉ số CCHC các xã" };

export default async function ResultsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("assessment.read");
  const { id } = await params;
  const r = await assessmentResults(actor, id);
  return (
    <>
      <PageHeader
        title={`Kết quả Chỉ số CCHC năm ${r.set.year}`}
        subtitle={`${r.set.issuer} · ${r.ranking.length} xã có điểm chính thức`}
        actions={
          <>
            {!isCommuneUser(actor) && <a href={`/api/cham-diem/xlsx?bo=${r.set.id}`} className="btn">Tải bảng kết quả (.xlsx)</a>}
            <Link href="/cham-diem" className="btn">Về danh sách</Link>
          </>
        }
      />
      {r.set.isDemo && <DemoNote />}
      <section aria-labelledby="rank-h" className="mb-5">
        <h2 id="rank-h" className="mb-2 font-semibold">Xếp hạng</h2>
        <p className="mb-2 text-xs text-slate-700">Xếp loại: {r.bands.map((b) => `${b.label} từ ${pts(b.min)}`).join("; ")}. Điểm bằng nhau cùng hạng. Chênh lệch: tự chấm trừ điểm chính thức, trên các tiêu chí xã tự chấm (không tính tiêu chí do tỉnh chấm).</p>
        {r.manages && <BandsForm setId={r.set.id} version={r.set.version} bands={r.bands} />}
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="table-basic text-sm">
            <thead>
              <tr>
                <th scope="col">Hạng</th>
                <th scope="col">Xã</th>
                <th scope="col" className="text-right">Điểm chính thức</th>
                <th scope="col">Xếp loại</th>
                <th scope="col" className="text-right">Tự chấm</th>
                <th scope="col" className="text-right">Chênh lệch</th>
                {r.areas.map((a) => (
                  <th key={a.code} scope="col" className="text-right" title={a.title}>{a.code} <span className="font-normal">/{pts(a.max)}</span></th>
                ))}
              </tr>
            </thead>
            <tbody>
              {r.ranking.map((x) => (
                <tr key={x.assessmentId}>
                  <td>{x.rank}{x.tied ? " (đồng hạng)" : ""}</td>
                  <td><Link href={`/cham-diem/${x.assessmentId}`} className="text-blue-800 underline">{x.commune}</Link></td>
                  <td className="text-right font-semibold">{pts(x.finalTotal)}</td>
                  <td>{x.band}</td>
                  <td className="text-right">{pts(x.selfTotal)}</td>
                  <td className={`text-right ${x.gap && x.gap > 0 ? "text-amber-900" : ""}`}>{x.gap && x.gap > 0 ? `+${pts(x.gap)}` : pts(x.gap)}</td>
                  {r.areas.map((a) => (
                    <td key={a.code} className="text-right">{pts(x.areas[a.code])}</td>
                  ))}
                </tr>
              ))}
              {!r.ranking.length && (
                <tr><td colSpan={6 + r.areas.length}>Chưa có xã nào có điểm chính thức.</td></tr>
              )}
            </tbody>
          </table>
        </div>
        {r.pending.length > 0 && <p className="mt-2 text-sm text-slate-700">Chưa có điểm chính thức: {r.pending.map((p) => `${p.commune} (${p.stage.toLowerCase()})`).join("; ")}.</p>}
      </section>
      {r.ranking.length > 0 && (
        <section aria-labelledby="chart-h" className="mb-5">
          <h2 id="chart-h" className="mb-2 font-semibold">Điểm theo lĩnh vực</h2>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {r.areas.map((a) => (
              <AreaBars key={a.code} title={`${a.code}. ${a.title}`} max={a.max} values={r.ranking.map((x) => ({ label: x.commune.replace(/^Xã /, ""), value: x.areas[a.code] }))} />
            ))}
          </div>
        </section>
      )}
      <section aria-labelledby="gap-h">
        <h2 id="gap-h" className="mb-2 font-semibold">Tiêu chí xã tự chấm cao hơn thẩm định</h2>
        {r.criterionGaps.length ? (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="table-basic text-sm">
              <thead>
                <tr>
                  <th scope="col">Mã</th>
                  <th scope="col">Tiêu chí</th>
                  <th scope="col" className="text-right">Số xã</th>
                  <th scope="col" className="text-right">Tổng chênh lệch</th>
                </tr>
              </thead>
              <tbody>
                {r.criterionGaps.map((g) => (
                  <tr key={g.code}>
                    <td>{g.code}</td>
                    <td>{g.text}</td>
                    <td className="text-right">{g.communes}</td>
                    <td className="text-right">{g.total > 0 ? `+${pts(g.total)}` : pts(g.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-sm text-slate-600">Chưa có chênh lệch giữa tự chấm và thẩm định.</p>
        )}
      </section>
    </>
  );
}

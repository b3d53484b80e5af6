// What a report on file is (issue 14): the content submitted on a given day, judged as of the
// period; and, when anything it depended on changed since, what changed, for the commune and
// the reviewer to see ("đã thay đổi sau khi duyệt"). Server component: no client JS.
import type { ReportData } from "@/server/reports/queries";
import { formatDate, formatDateTime } from "@/domain/format";
import { quarterEnd, quarterList, reportJudgementDay } from "@/domain/evaluation/as-of";

/** The report page, the reviewer's page and the commune's dashboard of that period all show it. */
export function RecordNotice({ data, missingQuarters, reviewer = false }: { data: Pick<ReportData, "snapshot" | "report" | "year" | "quarter" | "plans">; missingQuarters: number[]; reviewer?: boolean }) {
  const snap = data.snapshot;
  // The day deadlines were judged on, named outright: the quarter's last day once it was over
  // when the report was submitted, else the day (in Vietnam) it was submitted.
  const judged = snap ? reportJudgementDay(data.year, data.quarter, snap.takenAt, "") : null;
  const approved = data.report?.status === "APPROVED";
  const after = approved ? "sau khi duyệt" : "sau khi nộp";
  return (
    <>
      {snap && (
        <p className="mb-3 rounded border border-slate-300 bg-white p-2 text-sm text-slate-800">
          Nội dung báo cáo như đã nộp lúc {formatDateTime(snap.takenAt)}; thời hạn nhiệm vụ được xét tại ngày {formatDate(judged)}
          {judged === quarterEnd(data.year, data.quarter) ? " (ngày cuối quý)" : " (ngày nộp)"}.
        </p>
      )}
      {missingQuarters.length > 0 && data.quarter === 4 && (
        <p className="mb-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
          ⚠ {quarterList(missingQuarters)} chưa có số liệu: kết quả cả năm chưa đủ các quý.
        </p>
      )}
      {!snap && data.plans.some((p) => p.amendmentOpen) && (
        <div className="mb-3 rounded border border-sky-300 bg-sky-50 p-2 text-sm text-sky-950">
          {data.plans
            .filter((p) => p.amendmentOpen)
            .map((p) => (
              <p key={p.id}>
                ℹ Kế hoạch “{p.title}” đang được điều chỉnh: báo cáo được đánh giá theo phiên bản {p.versionNo} đang có hiệu lực cho đến khi bản điều chỉnh được duyệt.
              </p>
            ))}
        </div>
      )}
      {snap && snap.newerPlanVersions.length > 0 && (
        <div className="mb-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
          {snap.newerPlanVersions.map((p) => (
            <p key={p.planId}>
              ⚠ Kế hoạch “{p.title}” đã được điều chỉnh (nay là phiên bản {p.currentVersion}); báo cáo này được đánh giá theo phiên bản {p.judgedVersion}.
            </p>
          ))}
        </div>
      )}
      {snap && snap.changes.length > 0 && (
        <section role="alert" aria-labelledby="changed-after" className="mb-3 rounded-lg border-2 border-amber-500 bg-amber-50 p-3 text-amber-950">
          <h2 id="changed-after" className="font-semibold">
            ⚠ Đã thay đổi {after} ({snap.changes.length} thay đổi)
          </h2>
          <p className="mt-1 text-sm">
            Báo cáo vẫn giữ số liệu và đánh giá như lúc {approved ? "được duyệt" : "nộp"}. Những gì báo cáo dựa vào đã thay đổi như sau
            {reviewer ? "; nếu cần, mở lại báo cáo (nêu lý do) để xã cập nhật và nộp lại." : "; cấp trên có thể mở lại báo cáo để xã cập nhật và nộp lại."}
          </p>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr>
                  <th className="text-left">Dòng</th>
                  <th className="text-left">Nội dung</th>
                  <th className="text-left">Khi {approved ? "duyệt" : "nộp"}</th>
                  <th className="text-left">Hiện nay</th>
                </tr>
              </thead>
              <tbody>
                {snap.changes.map((c, i) => (
                  <tr key={i}>
                    <td>{c.row}</td>
                    <td>{c.what}</td>
                    <td>{c.before}</td>
                    <td className="font-medium">{c.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}

import type { Metadata } from "next";
import { requirePageActor } from "@/server/auth/guard";
import { loadReport } from "@/server/reports/queries";
import { choosePeriod } from "@/server/reports/period-choice";
import { isEditable } from "@/domain/reporting/workflow";
import { can } from "@/domain/policy";
import { formatDate, formatDateTime, quarterLabel } from "@/domain/format";
import { reportJudgementDay, reportQuartersWithoutFigures } from "@/domain/evaluation/as-of";
import { RecordNotice } from "@/components/report/record-notice";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodNav } from "@/components/dashboard/period-nav";
import { SubmissionBadge } from "@/components/plans/submission-badge";
import { ReportForm } from "@/components/report/report-form";
import { reportFormData } from "@/server/reports/form-data";
import { pickGroups, reportOutline } from "@/server/reports/form-outline";
import { openGroup } from "@/domain/reporting/outline";
import { routes } from "@/domain/routes";
import { RowHistoryOnDemand } from "@/components/report/row-history-context";
import { ReportDownloads } from "@/components/report/report-downloads";
import { ReviewHistory } from "@/components/review/review-history";
import { latestReturnComments } from "@/domain/reporting/workflow";

export const metadata: Metadata = { title: "Báo cáo quý" };

export default async function QuarterlyReportPage({ searchParams }: { searchParams: Promise<{ nam?: string; quy?: string; phan?: string }> }) {
  // The commune's own entry page: reviewers read reports under "Các xã".
  const actor = await requirePageActor("report.write");
  const asked = await searchParams;
  const { year, quarter, years, today } = await choosePeriod([actor.orgUnitId], asked);
  // Row history and evidence lists are loaded when a row's panel is opened (RowHistory); evidence is only counted here.
  const data = await loadReport(actor, actor.orgUnitId, year, quarter, { history: false, evidenceCounts: true });
  const status = data.report?.status ?? "DRAFT";
  const editable = isEditable(status);
  const canSubmit = can(actor, "report.submit");
  const returned = status === "RETURNED" ? latestReturnComments(data.decisions) : null;
  // Decisions come newest first: the submission the report is waiting on.
  const submittedBy = data.decisions.find((d) => d.action === "submit")?.by ?? null;
  const judgementDay = reportJudgementDay(year, quarter, data.snapshot?.takenAt, today);
  // Only the open part's rows go to the browser (issue 21); the outline carries what the finder and headings need.
  const form = reportFormData(data, { onDemand: true });
  const outline = reportOutline(form, judgementDay);
  const open = openGroup(outline.groups, typeof asked.phan === "string" ? asked.phan : undefined);
  return (
    <>
      <PageHeader
        title={`Báo cáo ${quarterLabel(quarter)} năm ${year}`}
        subtitle={
          <>
            {data.commune.name} · <SubmissionBadge status={status} />
            {data.report?.submittedAt && <> · nộp lúc {formatDateTime(data.report.submittedAt)}</>}
          </>
        }
        actions={
          <div className="flex flex-col items-end gap-1">
            <PeriodNav path="/bao-cao" years={years} year={year} quarter={quarter} quarterNoun="Quý" />
            {data.plans.length > 0 && <ReportDownloads year={year} quarter={quarter} />}
          </div>
        }
      />
      {returned && (
        <div role="alert" className="mb-3 rounded-lg border-2 border-amber-400 bg-amber-50 p-3 text-amber-950">
          <p className="font-semibold">⚠ Báo cáo bị trả lại, cần chỉnh sửa và nộp lại</p>
          {returned.comment && <p className="mt-1 whitespace-pre-line text-sm">Ý kiến của cấp trên: {returned.comment}</p>}
          {Object.keys(returned.rows).length > 0 && <p className="mt-1 text-sm">Có {Object.keys(returned.rows).length} ý kiến trên từng dòng, đánh dấu ⚠ bên dưới.</p>}
        </div>
      )}
      {/* Server-rendered, so it stays after the page refreshes into its read-only view on submitting. */}
      {status === "SUBMITTED" && (
        <p role="status" className="mb-3 rounded border border-blue-200 bg-blue-50 p-2 text-sm text-blue-900">
          ✔ <strong>Đã nộp ngày {formatDate(data.report?.submittedAt)}</strong>
          {submittedBy && <> ({submittedBy})</>}, đang chờ cấp trên xét duyệt. Báo cáo không sửa được trong khi chờ.
        </p>
      )}
      {status === "APPROVED" && <p className="mb-3 rounded border border-green-200 bg-green-50 p-2 text-sm text-green-900">Báo cáo đã được duyệt và khóa.</p>}
      <RecordNotice data={data} missingQuarters={reportQuartersWithoutFigures(data.plans.flatMap((p) => p.indicators), quarter)} />
      {data.plans.length === 0 ? (
        <p className="card text-sm text-slate-700">Xã chưa có kế hoạch năm {year}. Chọn năm khác hoặc nhập kế hoạch trước.</p>
      ) : (
        <RowHistoryOnDemand>
          <ReportForm
            data={pickGroups(form, new Set(open ? [open] : []))}
            outline={outline}
            initialOpen={open}
            partHref={routes.report({ year, quarter }, "") + "&phan="}
            editable={editable}
            canSubmit={canSubmit}
            today={judgementDay}
            rowComments={returned?.rows ?? {}}
            canSetBaseline={can(actor, "plan.baseline")}
          />
        </RowHistoryOnDemand>
      )}
      <ReviewHistory decisions={data.decisions} />
    </>
  );
}

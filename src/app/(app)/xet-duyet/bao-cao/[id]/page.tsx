import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { orRefusePage, requirePageActor } from "@/server/auth/guard";
import { can } from "@/domain/policy";
import { routes } from "@/domain/routes";
import { loadReport } from "@/server/reports/queries";
import { reportForReview } from "@/server/review/queries";
import { todayInVietnam, formatDateTime, quarterLabel } from "@/domain/format";
import { reportJudgementDay, reportQuartersWithoutFigures } from "@/domain/evaluation/as-of";
import { RecordNotice } from "@/components/report/record-notice";
import { PageHeader } from "@/components/ui/page-header";
import { SubmissionBadge } from "@/components/plans/submission-badge";
import { ReportForm } from "@/components/report/report-form";
import { reportFormData } from "@/server/reports/form-data";
import { reportOutline } from "@/server/reports/form-outline";
import { openGroup } from "@/domain/reporting/outline";
import { ReportDownloads } from "@/components/report/report-downloads";
import { ReviewHistory } from "@/components/review/review-history";
import { latestReturnComments } from "@/domain/reporting/workflow";
import { DecisionForm } from "@/components/review/decision-form";
import { changesSinceReturn } from "@/server/review/since-return";
import { SurveyBesideSipas } from "@/components/survey/survey-beside-sipas";
import { formatNumber, formatPercent } from "@/domain/format";

const DECISION_FORM = "review-decision";

export const metadata: Metadata = { title: "Xét duyệt báo cáo" };

export default async function ReviewReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ phan?: string }> }) {
  const actor = await requirePageActor("review.read");
  const { id } = await params;
  const { phan } = await searchParams;
  const report = await orRefusePage(reportForReview(actor, id));
  if (!report) notFound();
  const data = await loadReport(actor, report.communeId, report.period.year, report.period.quarter);
  const returned = report.status === "RETURNED" ? latestReturnComments(data.decisions) : null;
  // Issue 17: a resubmitted report shows what changed since it was returned, row by row.
  const sinceReturn = await changesSinceReturn({ id: report.id, status: report.status, quarter: report.period.quarter }, data.decisions, data.plans);
  const deciding = can(actor, "review.decide");
  const judgementDay = reportJudgementDay(report.period.year, report.period.quarter, data.snapshot?.takenAt, todayInVietnam());
  const form = reportFormData(data);
  const outline = reportOutline(form, judgementDay);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={routes.review({ year: report.period.year })}>← Các xã</Link>
      </p>
      <PageHeader
        title={`${data.commune.name}: báo cáo ${quarterLabel(report.period.quarter)} năm ${report.period.year}`}
        subtitle={
          <>
            <SubmissionBadge status={report.status} />
            {report.submittedAt && <> · nộp lúc {formatDateTime(report.submittedAt)}</>}
          </>
        }
        actions={<ReportDownloads year={report.period.year} quarter={report.period.quarter} communeId={report.communeId} />}
      />
      <RecordNotice data={data} reviewer missingQuarters={reportQuartersWithoutFigures(data.plans.flatMap((p) => p.indicators), report.period.quarter)} />
      {deciding && <DecisionForm subjectType="report" subjectId={report.id} status={report.status} formId={DECISION_FORM} />}
      <ReviewHistory decisions={data.decisions} />
      <SurveyBesideSipas
        actor={actor}
        communeId={report.communeId}
        year={report.period.year}
        quarter={report.period.quarter}
        sipas={data.plans.flatMap((p) =>
          p.indicators
            .filter((i) => i.group === "SIPAS")
            .map((i) => ({
              id: i.id,
              code: i.code,
              name: i.name,
              reported: !i.current
                ? "chưa có số liệu"
                : i.current.numerator !== null && i.current.denominator
                  ? `${formatNumber(i.current.numerator)}/${formatNumber(i.current.denominator)} = ${formatPercent((i.current.numerator * 100) / i.current.denominator, { maxDecimals: 1 })}`
                  : i.current.value !== null
                    ? formatNumber(i.current.value, { maxDecimals: 2 })
                    : "chưa có số liệu",
            })),
        )}
      />
      <ReportForm
        // The reviewer's view holds every row (comments and "what changed" on any row), one part shown at a time.
        data={form}
        outline={outline}
        initialOpen={openGroup(outline.groups, typeof phan === "string" ? phan : undefined)}
        partHref={routes.reviewReport(report.id) + "?phan="}
        editable={false}
        canSubmit={false}
        today={judgementDay}
        rowComments={returned?.rows ?? sinceReturn?.rowComments ?? {}}
        review={{ formId: deciding && report.status === "SUBMITTED" ? DECISION_FORM : null, sinceReturn }}
      />
    </>
  );
}

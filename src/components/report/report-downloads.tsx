// Download links for a quarter's report: the Word document to sign and the workbook of its tables.
// Plain links, not next/link: they are files served by route handlers, not pages.
import { quarterLabel } from "@/domain/format";
import { QUARTERS } from "@/domain/period";
import { routes } from "@/domain/routes";

export function ReportDownloads({ year, quarter, communeId }: { year: number; quarter: number; communeId?: string }) {
  return (
    <div className="flex flex-wrap gap-2">
      <a href={routes.api.reportDocx({ year, quarter, communeId })} className="btn">
        Tải báo cáo (Word)
      </a>
      <a href={routes.api.reportXlsx({ year, quarter, communeId })} className="btn">
        Tải Excel
      </a>
    </div>
  );
}

/**
 * The reviewer's summary of all communes for a chosen quarter. A GET form, so it works without
 * JavaScript and the browser simply downloads the file.
 */
export function ReviewSummaryDownload({ year, quarter }: { year: number; quarter: number }) {
  return (
    <form action={routes.api.reviewXlsx} method="get" className="flex items-center gap-1">
      <input type="hidden" name="nam" value={year} />
      <label className="sr-only" htmlFor="summary-quarter">
        Quý của bảng tổng hợp
      </label>
      <select id="summary-quarter" name="quy" defaultValue={quarter} className="rounded border border-slate-300 px-1 py-1 text-sm">
        {QUARTERS.map((q) => (
          <option key={q} value={q}>
            {quarterLabel(q)}
          </option>
        ))}
      </select>
      <button type="submit" className="btn">
        Tải bảng tổng hợp (Excel)
      </button>
    </form>
  );
}

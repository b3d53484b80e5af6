// Download links for a quarter's report: the Word document to sign and the workbook of its tables.
// Plain links, not next/link: they are files served by route handlers, not pages.
import { quarterLabel } from "@/domain/format";

export function ReportDownloads({ year, quarter, communeId }: { year: number; quarter: number; communeId?: string }) {
  const query = `nam=${year}&quy=${quarter}${communeId ? `&xa=${encodeURIComponent(communeId)}` : ""}`;
  return (
    <div className="flex flex-wrap gap-2">
      <a href={`/api/bao-cao/docx?${query}`} className="btn">
        Tải báo cáo (Word)
      </a>
      <a href={`/api/bao-cao/xlsx?${query}`} className="btn">
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
    <form action="/api/xet-duyet/xlsx" method="get" className="flex items-center gap-1">
      <input type="hidden" name="nam" value={year} />
      <label className="sr-only" htmlFor="summary-quarter">
        Quý của bảng tổng hợp
      </label>
      <select id="summary-quarter" name="quy" defaultValue={quarter} className="rounded border border-slate-300 px-1 py-1 text-sm">
        {[1, 2, 3, 4].map((q) => (
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

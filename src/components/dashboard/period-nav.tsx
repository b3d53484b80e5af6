import Link from "next/link";
import { quarterLabel } from "@/domain/format";
import { QUARTERS } from "@/domain/period";
import { query } from "@/domain/routes";
import { YearPicker } from "@/components/ui/year-picker";

/** Year and "as of" quarter pickers as plain links: no client JavaScript. */
export function PeriodNav({ path, years, year, quarter, quarterNoun = "Tính đến" }: { path: string; years: number[]; year: number; quarter: number; quarterNoun?: string }) {
  return (
    <div className="flex flex-col items-end gap-1">
      <YearPicker path={path} years={years} current={year} extra={{ quy: String(quarter) }} />
      <nav aria-label="Chọn quý" className="flex items-center gap-1 text-sm">
        <span className="text-slate-600">{quarterNoun}:</span>
        {QUARTERS.map((q) =>
          q === quarter ? (
            <span key={q} aria-current="page" className="rounded bg-brand-700 px-2 py-0.5 font-semibold text-white">
              {quarterLabel(q)}
            </span>
          ) : (
            <Link key={q} href={`${path}${query({ nam: year, quy: q })}`} className="rounded px-2 py-0.5 hover:bg-slate-200">
              {quarterLabel(q)}
            </Link>
          ),
        )}
      </nav>
    </div>
  );
}

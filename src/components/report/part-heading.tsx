// A part of the report as a heading with what a clerk needs to choose where to go: how many
// rows, how many entered, red ones, those still without a reason, unsaved and invalid ones.
// A link (?phan=) so that it opens without JavaScript and can be sent; with it, opened in place.
import type { ReportGroup } from "@/domain/reporting/outline";
import type { PartCounts } from "./row-facts";

export function PartHeading({ group, counts, open, href, searching, onToggle }: { group: ReportGroup; counts: PartCounts; open: boolean; href: string; searching: boolean; onToggle: () => void }) {
  const c = counts;
  return (
    <h3 className={`rounded-lg border bg-white text-base ${open ? "border-brand-700" : "border-slate-200"}`}>
      <a
        href={href}
        aria-expanded={open}
        aria-controls={open ? `phan-${group.key}` : undefined}
        className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 px-3 py-2 no-underline hover:bg-slate-50"
        onClick={(e) => {
          e.preventDefault();
          onToggle();
        }}
        data-part={group.key}
      >
        <span className="font-semibold text-slate-900">
          <span aria-hidden="true">{open ? "▾ " : "▸ "}</span>
          {group.code ? `${group.code}. ` : ""}
          {group.title}
        </span>
        <span className="text-xs font-normal text-slate-700">
          {searching ? `${c.matches}/${c.rows} dòng khớp` : `${c.rows} dòng · đã nhập ${c.entered}/${c.rows}`}
          {c.red > 0 && <span className="text-red-800">{` · ${c.red} chưa đạt/quá hạn`}</span>}
          {c.noReason > 0 && <strong className="text-red-800">{` · ${c.noReason} thiếu nguyên nhân, giải pháp`}</strong>}
          {c.unsaved > 0 && <span className="text-amber-900">{` · ${c.unsaved} dòng chưa lưu`}</span>}
          {c.invalid > 0 && <strong className="text-red-800">{` · ${c.invalid} dòng có ô chưa hợp lệ`}</strong>}
        </span>
      </a>
    </h3>
  );
}

// A year switcher that works without JavaScript: plain links. Links carry the full path:
// next/link does not resolve a query-only href against the current page.
import Link from "next/link";

export function YearPicker({ path, years, current, param = "nam", extra = {} }: { path: string; years: number[]; current: number; param?: string; extra?: Record<string, string> }) {
  const all = [...new Set([...years, current])].sort((a, b) => b - a);
  return (
    <nav aria-label="Chọn năm" className="flex flex-wrap items-center gap-1 text-sm">
      <span className="text-slate-600">Năm:</span>
      {all.map((y) => {
        const query = new URLSearchParams({ ...extra, [param]: String(y) });
        return y === current ? (
          <span key={y} aria-current="page" className="rounded bg-brand-700 px-2 py-0.5 font-semibold text-white">
            {y}
          </span>
        ) : (
          <Link key={y} href={`${path}?${query}`} className="rounded px-2 py-0.5 hover:bg-slate-200">
            {y}
          </Link>
        );
      })}
    </nav>
  );
}

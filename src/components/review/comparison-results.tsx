"use client";

// The comparison's ranking table and its chart, drawn from compact data (issue 21). A client
// component only for its payload: as server components, 150 communes × 10 indicators went to
// the browser twice, as HTML and again as a tree of elements in the RSC payload (~430 KB);
// as props the payload carries the figures once and the labels once. No state, no effects: it
// renders the same on the server (the HTML a reviewer reads first) and in the browser.
import type { ReactNode } from "react";
import type { ComparisonTableData } from "@/domain/comparison-table";
import { ShareChart } from "./share-chart";

export function ComparisonResults({ data, notes }: { data: ComparisonTableData; notes: ReactNode }) {
  const { columns, statuses, rows, totals } = data;
  return (
    <>
      <div className="mb-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        {/* Attributes stated once (globals.css .cmp-table; tabular figures are inherited), cells keyed by position. */}
        <table className="table-basic tabular-nums cmp-table">
          <caption className="px-2 py-1.5 text-left font-semibold">Xếp hạng theo tỷ lệ chỉ tiêu đạt ({columns.length} chỉ tiêu)</caption>
          <thead>
            <tr>
              <th scope="col">Hạng</th>
              <th scope="col">Xã</th>
              <th scope="col" className="text-right">
                Tỷ lệ đạt
              </th>
              {columns.map((name, k) => (
                <th scope="col" key={k} className="min-w-36">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td>{r.share === null ? "—" : i + 1}</td>
                <td>{r.name}</td>
                <td>{r.share === null ? "—" : `${r.percent} (${r.counts})`}</td>
                {r.cells.map((cell, k) =>
                  cell ? (
                    <td key={k}>
                      {/* The status words are text (copied with the table, read by every screen reader); the payload carries them once. */}
                      {cell[0]} <small>{statuses[cell[1]]}</small>
                    </td>
                  ) : (
                    <td key={k} className="cs-none">
                      không có
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="bg-slate-100 font-semibold">
              <td />
              <td>Toàn đơn vị</td>
              <td />
              {totals.map((t, k) => (
                <td key={k}>{t}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      {notes}
      <section className="card overflow-x-auto">
        <h2 className="mb-2 font-semibold">Tỷ lệ chỉ tiêu đạt theo xã</h2>
        <ShareChart data={rows.flatMap((r) => (r.share === null ? [] : [{ name: r.name, share: r.share, label: r.percent }]))} />
      </section>
    </>
  );
}

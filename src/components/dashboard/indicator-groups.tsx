// The dashboard's indicator groups (issue 21: render less). Each group is closed by default:
// its counts by status and every lagging row (what is red or at risk, and the unit that owns
// it), so the chairman still sees every red item at a glance. The full table (targets, year to
// date, reasons, quarter sparklines) is rendered only for the group opened through `?nhom=`, a
// plain link: the page stays server-rendered, authorized like every other view of it, with no
// client JavaScript; a commune of four plans sent ~200 full rows twice (HTML and RSC payload).
import Link from "next/link";
import type { Dashboard } from "@/server/dashboard/queries";
import type { IndicatorGroup } from "@/domain/plan-import/types";
import { INDICATOR_GROUP_LABEL } from "@/domain/labels";
import { STATUS_ICON, STATUS_LABEL, STATUS_ORDER, type IndicatorStatus } from "@/domain/evaluation/status";
import { isPercentFigure, targetText, ytdText } from "@/domain/evaluation/display";
import { trendTarget } from "@/domain/evaluation/trend";
import { routes, type PeriodQuery } from "@/domain/routes";
import { StatusBadge } from "@/components/ui/status-badge";
import { Sparkline } from "./sparkline";

type Ind = Dashboard["indicators"][number];

/** `?nhom=` values: short, stable, readable in the address bar. */
export const GROUP_SLUG: Record<IndicatorGroup, string> = { PAR_INDEX: "par", SIPAS: "sipas", DTI: "dti", PCI: "pci", ONLINE_SERVICES: "dvc", OTHER: "khac" };
export const ALL_GROUPS = "tat-ca";

/** Rows that lag: the chairman's "what is red, who owns it". */
const LAGGING: IndicatorStatus[] = ["NOT_ACHIEVED", "AT_RISK"];

const STATUS_TEXT: Record<IndicatorStatus, string> = {
  ACHIEVED: "text-green-900",
  AT_RISK: "text-amber-900",
  NOT_ACHIEVED: "text-red-800",
  NO_DATA: "text-slate-700",
  NO_TARGET: "text-slate-600",
};

export function IndicatorGroups({ groups, open, inUnit, period, donvi }: { groups: Dashboard["groups"]; open: string | undefined; inUnit: (id: string | null) => boolean; period: PeriodQuery; donvi: string | null | undefined }) {
  const href = (nhom: string | null) => `${routes.dashboard(period, { nhom, donvi })}#${nhom && nhom !== ALL_GROUPS ? `nhom-${nhom}` : "chi-tieu"}`;
  return (
    <>
      <p className="mb-2 text-sm text-slate-700">
        Mỗi nhóm hiện số chỉ tiêu theo trạng thái và các chỉ tiêu chậm (chưa đạt, có nguy cơ) cùng đơn vị phụ trách; mở nhóm để xem chỉ tiêu năm, lũy kế và diễn biến theo quý.{" "}
        <Link className="underline" href={href(open === ALL_GROUPS ? null : ALL_GROUPS)}>
          {open === ALL_GROUPS ? "Thu gọn tất cả" : "Mở tất cả các nhóm"}
        </Link>
      </p>
      {groups.map((g) => {
        const rows = g.indicators.filter((i) => inUnit(i.ownerUnitId));
        if (!rows.length) return null;
        const slug = GROUP_SLUG[g.group];
        const isOpen = open === ALL_GROUPS || open === slug;
        const label = INDICATOR_GROUP_LABEL[g.group];
        return (
          <section key={g.group} id={`nhom-${slug}`} aria-labelledby={`nhom-${slug}-h`} className="mb-3 rounded-lg border border-slate-200 bg-white">
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 bg-slate-100 px-2 py-1.5">
              <h3 id={`nhom-${slug}-h`} className="font-semibold">
                {`${label} (${rows.length})`}
              </h3>
              <StatusCounts rows={rows} />
              {open !== ALL_GROUPS && (
                <Link className="ml-auto text-sm" href={href(isOpen ? null : slug)} aria-label={`${isOpen ? "Thu gọn" : "Mở"} nhóm ${label}`}>
                  {isOpen ? "Thu gọn ▴" : "Mở nhóm ▾"}
                </Link>
              )}
            </div>
            {isOpen ? <IndicatorTable rows={rows} period={period} /> : <Lagging rows={rows} period={period} />}
          </section>
        );
      })}
    </>
  );
}

/** "✔ 5 · ⚠ 2 · ✖ 3 · … 2", each with its word for screen readers and the colour-blind. */
export function StatusCounts({ rows }: { rows: readonly { status: IndicatorStatus }[] }) {
  const parts = STATUS_ORDER.map((s) => [s, rows.filter((r) => r.status === s).length] as const).filter(([, n]) => n > 0);
  return (
    <span className="text-sm tabular-nums">
      {parts.map(([s, n], i) => (
        <span key={s} className={STATUS_TEXT[s]}>
          {`${i > 0 ? " · " : ""}${STATUS_ICON[s]} ${n} ${STATUS_LABEL[s].toLowerCase()}`}
        </span>
      ))}
    </span>
  );
}

/** "✖ Chưa đạt:" in the status's colour: a lagging row's lead, lighter than a badge. */
export function StatusWord({ status }: { status: IndicatorStatus }) {
  return <span className={`font-semibold ${STATUS_TEXT[status]}`}>{`${STATUS_ICON[status]} ${STATUS_LABEL[status]}:`}</span>;
}

/** The closed group: every lagging row, worst first, with the unit that answers for it. */
function Lagging({ rows, period }: { rows: Ind[]; period: PeriodQuery }) {
  const lagging = LAGGING.flatMap((s) => rows.filter((r) => r.status === s));
  if (!lagging.length) return <p className="px-2 py-1.5 text-sm text-slate-600">Không có chỉ tiêu chậm.</p>;
  return (
    <ul className="divide-y divide-slate-100 px-2 text-sm">
      {lagging.map((ind) => (
        <li key={ind.id} className="py-1">
          <StatusWord status={ind.status} />{" "}
          <Link className="underline decoration-slate-300 underline-offset-2" href={routes.indicator(ind.id, period)}>
            {`${ind.code ? `${ind.code}. ` : ""}${ind.name}`}
          </Link>{" "}
          <span className="text-slate-700">{`– ${ind.ownerUnitName ?? "chưa giao đơn vị"}`}</span>
        </li>
      ))}
    </ul>
  );
}

function IndicatorTable({ rows, period }: { rows: Ind[]; period: PeriodQuery }) {
  return (
    <div className="overflow-x-auto max-sm:overflow-visible">
      <table className="table-basic table-cards">
        <thead>
          <tr>
            <th scope="col" className="w-12">STT</th>
            <th scope="col">Chỉ tiêu</th>
            <th scope="col" className="w-48">Chỉ tiêu năm</th>
            <th scope="col" className="w-28 text-right">Lũy kế</th>
            <th scope="col" className="w-56">Trạng thái</th>
            <th scope="col" className="w-32">Theo quý</th>
            <th scope="col" className="w-44">Đơn vị phụ trách</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((ind) => (
            <tr key={ind.id}>
              <td className="card-hide tabular-nums">{ind.code}</td>
              <td className="max-sm:font-medium">
                <span className="sm:hidden">{ind.code ? `${ind.code}. ` : ""}</span>
                <Link href={routes.indicator(ind.id, period)}>{ind.name}</Link>
              </td>
              <td data-label="Chỉ tiêu năm">
                <div className="text-xs text-slate-600">{ind.targetText || "—"}</div>
                {targetText(ind)}
              </td>
              <td data-label="Lũy kế" className="text-right tabular-nums font-medium max-sm:text-left">{ytdText(ind, ind.result.ytd)}</td>
              <td data-label="Trạng thái">
                <StatusBadge status={ind.status} />
                <div className="mt-0.5 text-xs text-slate-700">{ind.result.reason}</div>
              </td>
              <td data-label="Theo quý">
                <Sparkline points={ind.trend} percent={isPercentFigure(ind)} label={ind.name} target={trendTarget(ind, isPercentFigure(ind))} rank={ind.valueKind === "RANK"} />
              </td>
              <td data-label="Đơn vị phụ trách" className="text-sm">{ind.ownerUnitName ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/server/auth/guard";
import { loadTodo } from "@/server/calendar/todo";
import { formatDate, formatDateTime, quarterLabel } from "@/domain/format";
import { SOURCE_LABEL, vnDate } from "@/domain/calendar";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { SubmissionBadge } from "@/components/plans/submission-badge";

export const metadata: Metadata = { title: "Việc cần làm" };

function days(n: number | null): string {
  if (n === null) return "";
  if (n < 0) return `quá hạn ${-n} ngày`;
  if (n === 0) return "hạn hôm nay";
  return `còn ${n} ngày`;
}

function Section({ title, count, children, id }: { title: string; count: number; children: React.ReactNode; id: string }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="mb-2 flex items-center gap-2 font-semibold">
        {title} <Badge tone={count ? "amber" : "green"}>{count}</Badge>
      </h2>
      {count === 0 ? <p className="text-sm text-slate-600">Không có việc nào.</p> : children}
    </section>
  );
}

/** Indicators as links to where their figure or reason is entered, with the unit that owns them. */
function IndicatorLinks({ items }: { items: { id: string; code: string | null; name: string; link: string; unitName: string | null }[] }) {
  return (
    <ul className="space-y-1 text-sm">
      {items.map((i) => (
        <li key={i.id}>
          <Link href={i.link}>
            {i.code ? `${i.code}. ` : ""}
            {i.name}
          </Link>
          {i.unitName && <span className="text-xs text-slate-600"> · {i.unitName}</span>}
        </li>
      ))}
    </ul>
  );
}

export default async function TodoPage() {
  const actor = await requirePageActor("report.write");
  const todo = await loadTodo(actor, vnDate());
  const c = todo.current;
  return (
    <>
      <PageHeader title="Việc cần làm" subtitle={`${actor.orgUnitName} · hôm nay ${formatDate(todo.today)}`} />
      <div className="grid gap-4 lg:grid-cols-2 [&_li_a]:underline [&_p_a]:underline">
        <section className="card lg:col-span-2" aria-labelledby="current-h">
          <h2 id="current-h" className="mb-2 font-semibold">
            Báo cáo quý hiện tại
          </h2>
          {c ? (
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
              <Link href={c.link} className="text-lg font-semibold">
                Báo cáo {quarterLabel(c.quarter, c.year)}
              </Link>
              {c.status && c.status !== "DRAFT" ? <SubmissionBadge status={c.status} /> : <Badge>Chưa nộp</Badge>}
              <span>
                Hạn nộp <strong>{formatDate(c.dueDate)}</strong>
                {c.status !== "SUBMITTED" && c.status !== "APPROVED" && (
                  <strong className={c.daysLeft < 0 ? "ml-1 text-red-800" : c.daysLeft <= 7 ? "ml-1 text-amber-800" : "ml-1"}>({days(c.daysLeft)})</strong>
                )}
              </span>
              {c.cutoffDate && <span>Chốt số liệu: {formatDate(c.cutoffDate)}</span>}
              <span className="w-full text-xs text-slate-600">
                {SOURCE_LABEL[c.source]}: {c.sourceText}
              </span>
            </div>
          ) : (
            <p className="text-sm text-slate-700">
              Xã chưa có kế hoạch năm {todo.now.year}. <Link href="/ke-hoach">Nhập kế hoạch</Link>
            </p>
          )}
        </section>

        {todo.overdueReports.length > 0 && (
          <section className="card border-red-300 lg:col-span-2" aria-labelledby="late-h">
            <h2 id="late-h" className="mb-2 font-semibold text-red-900">
              Báo cáo quá hạn chưa nộp
            </h2>
            <ul className="space-y-1">
              {todo.overdueReports.map((r) => (
                <li key={`${r.year}-${r.quarter}`}>
                  <Link href={r.link}>Báo cáo {quarterLabel(r.quarter, r.year)}</Link> — hạn {formatDate(r.dueDate)},{" "}
                  <strong className="text-red-800">{days(r.daysLeft)}</strong>
                </li>
              ))}
            </ul>
          </section>
        )}

        <Section title="Hồ sơ bị trả lại" count={todo.returned.length} id="returned-h">
          <ul className="space-y-2">
            {todo.returned.map((r) => (
              <li key={r.id}>
                <Link href={r.link} className="font-medium">
                  {r.kind === "report" && r.year ? `Báo cáo ${quarterLabel(r.quarter!, r.year)}` : `Kế hoạch: ${r.title}`}
                </Link>
                {r.at && <span className="ml-2 text-xs text-slate-600">trả lại {formatDateTime(r.at)}</span>}
                {r.comment && <blockquote className="mt-1 border-l-4 border-amber-300 pl-2 text-sm">{r.comment}</blockquote>}
                {r.rowComments > 0 && <div className="text-xs text-slate-600">{r.rowComments} ý kiến theo dòng</div>}
              </li>
            ))}
          </ul>
        </Section>

        <Section title={`Nhiệm vụ quá hạn và đến hạn trong 30 ngày`} count={todo.taskGroups.reduce((n, g) => n + g.overdue.length + g.dueSoon.length, 0)} id="tasks-h">
          <div className="space-y-3">
            {todo.taskGroups.map((g) => (
              <div key={g.unitId ?? "none"}>
                <h3 className="text-sm font-semibold">
                  {g.unitName} {g.mine && <Badge tone="blue">Đơn vị của bạn</Badge>}
                </h3>
                <ul className="mt-1 space-y-1 text-sm">
                  {[...g.overdue, ...g.dueSoon].map((t) => (
                    <li key={t.id}>
                      <Link href={t.link}>
                        {t.code ? `${t.code}. ` : ""}
                        {t.content.length > 140 ? `${t.content.slice(0, 140)}…` : t.content}
                      </Link>{" "}
                      <span className={t.daysLeft !== null && t.daysLeft < 0 ? "font-semibold text-red-800" : "text-amber-800"}>
                        (hạn {formatDate(t.dueDate)}, {days(t.daysLeft)})
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </Section>

        <Section title={`Chỉ tiêu chưa có số liệu ${quarterLabel(todo.asOf, todo.planYear)}`} count={todo.noFigure.length} id="nofig-h">
          <IndicatorLinks items={todo.noFigure} />
        </Section>

        <Section title="Chỉ tiêu chưa đạt chưa có giải trình" count={todo.redUnexplained.length} id="red-h">
          <IndicatorLinks items={todo.redUnexplained} />
        </Section>
      </div>
    </>
  );
}

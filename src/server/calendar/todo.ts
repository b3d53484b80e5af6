// "Việc cần làm": what a commune user has to do now, from the calendar, the workflow and the
// dashboard's own evaluation (one source for overdue tasks and red indicators).
import type { Actor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { loadDashboard } from "@/server/dashboard/queries";
import { calendarFor } from "./queries";
import { daysLeft, quarterOf, type ResolvedDeadline } from "@/domain/calendar";
import { UNASSIGNED_UNIT_NAME } from "@/domain/evaluation/by-unit";

const reportLink = (year: number, quarter: number, anchor?: string) => `/bao-cao?nam=${year}&quy=${quarter}${anchor ? `#${anchor}` : ""}`;

export async function loadTodo(actor: Actor, today: string) {
  const db = await getDb();
  const communeId = actor.orgUnitId;
  const now = quarterOf(today);
  const planYears = await db.plan.findMany({ where: { communeId, year: { lte: now.year } }, select: { year: true }, distinct: ["year"], orderBy: { year: "desc" } });
  const planYear = planYears[0]?.year ?? now.year;
  const years = [...new Set([planYear, now.year])];
  const [{ deadline }, reports, returnedPlans] = await Promise.all([
    calendarFor([communeId], years),
    db.quarterlyReport.findMany({
      where: { communeId, period: { year: { in: years } } },
      select: { id: true, status: true, submittedAt: true, period: { select: { year: true, quarter: true } }, decisions: { where: { action: { in: ["return", "reopen"] } }, orderBy: { createdAt: "desc" }, take: 1, select: { comment: true, createdAt: true, _count: { select: { rowComments: true } } } } },
    }),
    db.plan.findMany({ where: { communeId, status: "RETURNED" }, select: { id: true, title: true, decisions: { where: { action: { in: ["return", "reopen"] } }, orderBy: { createdAt: "desc" }, take: 1, select: { comment: true, createdAt: true } } } }),
  ]);
  const reportOf = (y: number, q: number) => reports.find((r) => r.period.year === y && r.period.quarter === q);
  const handedIn = (y: number, q: number) => ["SUBMITTED", "APPROVED"].includes(reportOf(y, q)?.status ?? "");
  const withDue = (d: ResolvedDeadline) => ({ ...d, daysLeft: daysLeft(d.dueDate, today), link: reportLink(d.year, d.quarter) });

  const hasPlanNow = planYear === now.year;
  const current = hasPlanNow ? { ...withDue(deadline(communeId, now.year, now.quarter)), status: reportOf(now.year, now.quarter)?.status ?? null } : null;
  const overdueReports = years
    .flatMap((y) => [1, 2, 3, 4].map((q) => ({ y, q })))
    .filter(({ y, q }) => y === planYear && !(y === now.year && q === now.quarter))
    .map(({ y, q }) => withDue(deadline(communeId, y, q)))
    .filter((d) => d.daysLeft < 0 && !handedIn(d.year, d.quarter));
  const returned = [
    ...reports
      .filter((r) => r.status === "RETURNED")
      .map((r) => ({ kind: "report" as const, id: r.id, title: `Báo cáo quý ${r.period.quarter}/${r.period.year}`, year: r.period.year, quarter: r.period.quarter, comment: r.decisions[0]?.comment ?? null, rowComments: r.decisions[0]?._count.rowComments ?? 0, at: r.decisions[0]?.createdAt.toISOString() ?? null, link: reportLink(r.period.year, r.period.quarter) })),
    ...returnedPlans.map((p) => ({ kind: "plan" as const, id: p.id, title: p.title, year: null, quarter: null, comment: p.decisions[0]?.comment ?? null, rowComments: 0, at: p.decisions[0]?.createdAt.toISOString() ?? null, link: `/ke-hoach/${p.id}` })),
  ];

  // Tasks and indicators of the plan year, as the dashboard evaluates them.
  const asOf = hasPlanNow ? now.quarter : 4;
  const dash = planYears.length ? await loadDashboard(actor, communeId, planYear, asOf, today) : null;
  const tasks = dash ? [...dash.tasks.overdue, ...dash.tasks.dueSoon] : [];
  const groups = new Map<string, { unitId: string | null; unitName: string; overdue: typeof tasks; dueSoon: typeof tasks }>();
  for (const t of tasks) {
    const key = t.leadUnitId ?? "";
    const g = groups.get(key) ?? { unitId: t.leadUnitId, unitName: t.leadUnitName ?? UNASSIGNED_UNIT_NAME, overdue: [], dueSoon: [] };
    (t.overdue ? g.overdue : g.dueSoon).push(t);
    groups.set(key, g);
  }
  const taskGroups = [...groups.values()]
    .sort((a, b) => Number(b.unitId === actor.responsibleUnitId && !!b.unitId) - Number(a.unitId === actor.responsibleUnitId && !!a.unitId) || b.overdue.length - a.overdue.length || a.unitName.localeCompare(b.unitName, "vi"))
    .map((g) => ({
      ...g,
      mine: !!g.unitId && g.unitId === actor.responsibleUnitId,
      overdue: g.overdue.map((t) => ({ id: t.id, code: t.code, content: t.content, dueDate: t.dueDate, daysLeft: t.daysLeft, link: reportLink(planYear, asOf, `${t.id}-status`) })),
      dueSoon: g.dueSoon.map((t) => ({ id: t.id, code: t.code, content: t.content, dueDate: t.dueDate, daysLeft: t.daysLeft, link: reportLink(planYear, asOf, `${t.id}-status`) })),
    }));
  const figureAnchor = (i: { id: string; valueKind: string }) => `${i.id}-${i.valueKind === "RATIO" ? "num" : i.valueKind === "BOOLEAN" ? "done" : "val"}`;
  const noFigure = (dash?.indicators ?? [])
    .filter((i) => !i.current || (i.current.value === null && i.current.numerator === null && i.current.done === null))
    .map((i) => ({ id: i.id, code: i.code, name: i.name, unitName: i.ownerUnitName, link: reportLink(planYear, asOf, figureAnchor(i)) }));
  const redUnexplained = (dash?.indicators ?? [])
    .filter((i) => i.status === "NOT_ACHIEVED" && !i.current?.note?.trim())
    .map((i) => ({ id: i.id, code: i.code, name: i.name, unitName: i.ownerUnitName, link: reportLink(planYear, asOf, `${i.id}-note`) }));
  return { today, now, planYear, asOf, hasPlanNow, current, overdueReports, returned, taskGroups, noFigure, redUnexplained };
}

// Which event notifies whom, and what the notice says. Pure: the server passes the people
// who could be concerned (the commune's users and the reviewers above it) and gets back the
// recipients and the text; the unique event key makes a repeated event a no-op.
import { formatDate, quarterLabel } from "@/domain/format";

export type NoticeKind =
  | "report.submitted"
  | "plan.submitted"
  | "report.returned"
  | "report.approved"
  | "report.reopened"
  | "plan.returned"
  | "plan.approved"
  | "plan.reopened"
  | "report.due7"
  | "report.due1"
  | "report.overdue"
  | "task.overdue"
  | "reminder";

export interface Person {
  id: string;
  role: "COMMUNE_STAFF" | "CHAIRMAN" | "REVIEWER" | "ADMIN";
  orgUnitId: string;
  responsibleUnitId: string | null;
  active: boolean;
}

interface Base {
  communeId: string;
  communeName: string;
}

export type NoticeEvent =
  | (Base & { kind: "report.submitted" | "report.returned" | "report.approved" | "report.reopened"; decisionId: string; reportId: string; year: number; quarter: number; comment?: string | null })
  | (Base & { kind: "plan.submitted" | "plan.returned" | "plan.approved" | "plan.reopened"; decisionId: string; planId: string; planTitle: string; comment?: string | null })
  | (Base & { kind: "report.due7" | "report.due1" | "report.overdue"; year: number; quarter: number; dueDate: string })
  | (Base & { kind: "task.overdue"; taskId: string; taskContent: string; leadUnitId: string | null; dueDate: string })
  | (Base & { kind: "reminder"; reminderId: string; year: number; quarter: number; dueDate: string; message?: string | null; fromName: string });

export interface Notice {
  eventKey: string;
  kind: NoticeKind;
  title: string;
  body: string | null;
  link: string;
}

/**
 * The commune's clerks: staff who answer for the whole commune (no responsible unit). When a
 * commune has none, all its staff, so a report event never reaches nobody but the chairman.
 */
function clerksAndChairman(event: Base, people: Person[]): Person[] {
  const own = people.filter((p) => p.active && p.orgUnitId === event.communeId);
  const staff = own.filter((p) => p.role === "COMMUNE_STAFF");
  const clerks = staff.some((p) => !p.responsibleUnitId) ? staff.filter((p) => !p.responsibleUnitId) : staff;
  return [...own.filter((p) => p.role === "CHAIRMAN"), ...clerks];
}

/**
 * Who is told. `reviewingUnitIds`: the units above the commune (district, province) whose
 * reviewers see its submissions. Nobody outside the commune and those units is ever told.
 */
export function recipientsOf(event: NoticeEvent, people: Person[], reviewingUnitIds: string[]): string[] {
  let chosen: Person[];
  switch (event.kind) {
    case "report.submitted":
    case "plan.submitted":
      chosen = people.filter((p) => p.active && p.role === "REVIEWER" && reviewingUnitIds.includes(p.orgUnitId));
      break;
    case "task.overdue": {
      const own = people.filter((p) => p.active && p.orgUnitId === event.communeId);
      chosen = own.filter((p) => p.role === "CHAIRMAN" || (p.role === "COMMUNE_STAFF" && event.leadUnitId !== null && p.responsibleUnitId === event.leadUnitId));
      break;
    }
    default:
      chosen = clerksAndChairman(event, people);
  }
  // Sorted: concurrent producers insert the same keys in the same order (no deadlock).
  return [...new Set(chosen.map((p) => p.id))].sort();
}

const REPORT_LINK = (year: number, quarter: number) => `/bao-cao?nam=${year}&quy=${quarter}`;

/** The text of the notice and the one key that identifies the event for each recipient. */
export function noticeFor(event: NoticeEvent): Notice {
  switch (event.kind) {
    case "report.submitted":
      return { eventKey: `${event.kind}:${event.decisionId}`, kind: event.kind, title: `${event.communeName} đã nộp báo cáo ${quarterLabel(event.quarter, event.year)}`, body: null, link: `/xet-duyet/bao-cao/${event.reportId}` };
    case "plan.submitted":
      return { eventKey: `${event.kind}:${event.decisionId}`, kind: event.kind, title: `${event.communeName} đã nộp kế hoạch`, body: event.planTitle, link: `/ke-hoach/${event.planId}` };
    case "report.returned":
    case "report.approved":
    case "report.reopened": {
      const verb = { "report.returned": "bị trả lại", "report.approved": "đã được duyệt", "report.reopened": "đã được mở lại" }[event.kind];
      return { eventKey: `${event.kind}:${event.decisionId}`, kind: event.kind, title: `Báo cáo ${quarterLabel(event.quarter, event.year)} ${verb}`, body: event.comment ?? null, link: REPORT_LINK(event.year, event.quarter) };
    }
    case "plan.returned":
    case "plan.approved":
    case "plan.reopened": {
      const verb = { "plan.returned": "bị trả lại", "plan.approved": "đã được duyệt", "plan.reopened": "đã được mở lại" }[event.kind];
      return { eventKey: `${event.kind}:${event.decisionId}`, kind: event.kind, title: `Kế hoạch ${verb}: ${event.planTitle}`, body: event.comment ?? null, link: `/ke-hoach/${event.planId}` };
    }
    case "report.due7":
    case "report.due1":
      return {
        eventKey: `${event.kind}:${event.communeId}:${event.year}-${event.quarter}:${event.dueDate}`,
        kind: event.kind,
        title: `Báo cáo ${quarterLabel(event.quarter, event.year)} đến hạn ngày ${formatDate(event.dueDate)}`,
        body: event.kind === "report.due1" ? "Còn 1 ngày để nộp báo cáo." : "Còn 7 ngày để nộp báo cáo.",
        link: REPORT_LINK(event.year, event.quarter),
      };
    case "report.overdue":
      return {
        eventKey: `${event.kind}:${event.communeId}:${event.year}-${event.quarter}:${event.dueDate}`,
        kind: event.kind,
        title: `Báo cáo ${quarterLabel(event.quarter, event.year)} đã quá hạn (hạn ${formatDate(event.dueDate)})`,
        body: "Báo cáo chưa được nộp lên cấp trên.",
        link: REPORT_LINK(event.year, event.quarter),
      };
    case "task.overdue":
      return { eventKey: `${event.kind}:${event.taskId}:${event.dueDate}`, kind: event.kind, title: `Nhiệm vụ quá hạn (hạn ${formatDate(event.dueDate)})`, body: event.taskContent.slice(0, 300), link: "/viec-can-lam" };
    case "reminder":
      return {
        eventKey: `${event.kind}:${event.reminderId}`,
        kind: event.kind,
        title: `Nhắc nộp báo cáo ${quarterLabel(event.quarter, event.year)} (hạn ${formatDate(event.dueDate)})`,
        body: [`${event.fromName} nhắc xã nộp báo cáo.`, event.message?.trim() || null].filter(Boolean).join(" "),
        link: REPORT_LINK(event.year, event.quarter),
      };
  }
}

export const KIND_LABEL: Record<NoticeKind, string> = {
  "report.submitted": "Báo cáo đã nộp",
  "plan.submitted": "Kế hoạch đã nộp",
  "report.returned": "Trả lại báo cáo",
  "report.approved": "Duyệt báo cáo",
  "report.reopened": "Mở lại báo cáo",
  "plan.returned": "Trả lại kế hoạch",
  "plan.approved": "Duyệt kế hoạch",
  "plan.reopened": "Mở lại kế hoạch",
  "report.due7": "Sắp đến hạn",
  "report.due1": "Sắp đến hạn",
  "report.overdue": "Quá hạn",
  "task.overdue": "Nhiệm vụ quá hạn",
  reminder: "Nhắc nộp báo cáo",
};

/** Backoff before retry n (1-based) of a failed email: 1, 5, 25 minutes, then 2 hours; gives up after MAX. */
export const EMAIL_MAX_ATTEMPTS = 6;
export function emailBackoffMs(attempt: number): number {
  return Math.min(5 ** Math.max(0, attempt - 1), 120) * 60_000;
}

/** Subject and Vietnamese body of a daily digest. */
export function digestEmail(name: string, date: string, notices: { title: string; body: string | null; link: string }[], baseUrl: string) {
  const subject = `[CCHC xã] ${notices.length} thông báo mới ngày ${formatDate(date)}`;
  const lines = notices.map((n) => `• ${n.title}${n.body ? `\n  ${n.body}` : ""}\n  ${baseUrl}${n.link}`);
  const body = `Kính gửi ${name},\n\nCác thông báo mới trên hệ thống theo dõi cải cách hành chính:\n\n${lines.join("\n\n")}\n\nXem tất cả: ${baseUrl}/thong-bao\n\nThư gửi tự động, vui lòng không trả lời.`;
  return { subject, body };
}

export function immediateEmail(name: string, notice: { title: string; body: string | null; link: string }, baseUrl: string) {
  return {
    subject: `[CCHC xã] ${notice.title}`,
    body: `Kính gửi ${name},\n\n${notice.title}${notice.body ? `\n${notice.body}` : ""}\n\nMở: ${baseUrl}${notice.link}\n\nThư gửi tự động, vui lòng không trả lời.`,
  };
}

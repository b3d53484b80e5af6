// What `npm run notify` does (and the in-app schedule, see instrumentation.ts): produce the
// time-based notices (report due in 7 days / 1 day / overdue, task overdue), queue the daily
// digests, and send queued emails. Safe to run twice at once: every notice and email has a
// unique key (ON CONFLICT DO NOTHING), and an email is sent only by the run that claimed it
// (a compare-and-set on its lease, which PostgreSQL re-checks after the row lock, and which
// PGlite, with one connection, serialises anyway).
import { randomUUID } from "node:crypto";
import { getDb, type Db } from "@/server/db";
import { calendarFor } from "@/server/calendar/queries";
import { inForceByCommuneYear, plansInForceSince } from "@/server/plans/in-force";
import { daysLeft, reportDueState, reportOwed, vnDate } from "@/domain/calendar";
import { digestEmail, emailBackoffMs, EMAIL_MAX_ATTEMPTS, type NoticeEvent } from "@/domain/notifications";
import { isOverdue } from "@/domain/evaluation/tasks";
import { notifyEvent } from "./notify";
import { appBaseUrl, emailEnabled, smtpSender, type Sender } from "./mailer";

/** Overdue reports and tasks older than this are not notified any more (no flood on first run). */
const LOOKBACK_DAYS = 400;
/** Daily digests go out from this hour, Vietnam time. */
export const DIGEST_HOUR = 7;
/** How long a claimed email stays reserved for the run that claimed it. */
const LEASE_MS = 5 * 60_000;

export interface NotifyOptions {
  now?: Date;
  sender?: Sender | null;
  db?: Db;
}

export interface NotifyResult {
  notices: number;
  digests: number;
  sent: number;
  failed: number;
}

function vnHour(now: Date): number {
  return Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", hourCycle: "h23" }).format(now));
}

/** The events that are due on `today`: reports due soon or late, tasks late. */
export async function timeBasedEvents(db: Db, today: string): Promise<NoticeEvent[]> {
  const year = Number(today.slice(0, 4));
  const years = [year - 1, year];
  const allPlans = await db.plan.findMany({ where: { year: { in: years }, commune: { level: "COMMUNE" } }, select: { id: true, communeId: true, year: true } });
  const communeIds = [...new Set(allPlans.map((p) => p.communeId))];
  if (!communeIds.length) return [];
  const plans = [...new Map(allPlans.map((p) => [`${p.communeId}:${p.year}`, p])).values()];
  const [{ chains, deadline }, reports, tasks, planInForce] = await Promise.all([
    calendarFor(communeIds, years, db),
    db.quarterlyReport.findMany({ where: { communeId: { in: communeIds }, period: { year: { in: years } } }, select: { communeId: true, status: true, period: { select: { year: true, quarter: true } } } }),
    db.task.findMany({
      where: { plan: { communeId: { in: communeIds }, year: { in: years } }, deadlineKind: { in: ["DATE", "PERIOD"] }, dueDate: { lt: new Date(`${today}T00:00:00Z`) } },
      select: { id: true, content: true, leadUnitId: true, dueDate: true, deadlineKind: true, plan: { select: { communeId: true } }, progress: { select: { status: true, period: { select: { year: true, quarter: true } } } } },
    }),
    plansInForceSince(communeIds, years, db),
  ]);
  // A report is late only where it was owed (the matrix and the completeness board say the same):
  // a commune whose plan came into force after a quarter's due day is not told that quarter is late.
  const inForce = inForceByCommuneYear(allPlans, planInForce);
  const name = new Map(chains.map((c) => [c.communeId, c.communeName]));
  const reportOf = new Map(reports.map((r) => [`${r.communeId}:${r.period.year}:${r.period.quarter}`, r]));
  const events: NoticeEvent[] = [];
  for (const p of plans) {
    for (const quarter of [1, 2, 3, 4]) {
      const due = deadline(p.communeId, p.year, quarter).dueDate;
      const r = reportOf.get(`${p.communeId}:${p.year}:${quarter}`);
      const submitted = r?.status === "SUBMITTED" || r?.status === "APPROVED";
      const state = reportDueState(due, today, submitted);
      const base = { communeId: p.communeId, communeName: name.get(p.communeId) ?? "", year: p.year, quarter, dueDate: due };
      if (state === "DUE_IN_7") events.push({ ...base, kind: "report.due7" });
      else if (state === "DUE_IN_1") events.push({ ...base, kind: "report.due1" });
      else if (state === "OVERDUE" && daysLeft(due, today) >= -LOOKBACK_DAYS && reportOwed(due, inForce.get(`${p.communeId}:${p.year}`) ?? null)) events.push({ ...base, kind: "report.overdue" });
    }
  }
  for (const t of tasks) {
    const due = t.dueDate!.toISOString().slice(0, 10);
    if (daysLeft(due, today) < -LOOKBACK_DAYS) continue;
    const latest = [...t.progress].sort((a, b) => b.period.year - a.period.year || b.period.quarter - a.period.quarter)[0];
    if (!isOverdue({ dueDate: due, deadlineKind: t.deadlineKind }, latest?.status ?? null, today)) continue;
    events.push({ kind: "task.overdue", communeId: t.plan.communeId, communeName: name.get(t.plan.communeId) ?? "", taskId: t.id, taskContent: t.content, leadUnitId: t.leadUnitId, dueDate: due });
  }
  return events;
}

/** One digest per user per day with the notices no email has carried yet. */
async function queueDigests(db: Db, now: Date): Promise<number> {
  if (!emailEnabled() || vnHour(now) < DIGEST_HOUR) return 0;
  const today = vnDate(now);
  const since = new Date(now.getTime() - 7 * 86_400_000);
  const users = await db.user.findMany({
    where: { active: true, emailMode: "DAILY_DIGEST", email: { not: null }, notifications: { some: { digestId: null, createdAt: { gte: since } } } },
    select: { id: true, fullName: true, email: true, notifications: { where: { digestId: null, createdAt: { gte: since } }, orderBy: { createdAt: "asc" }, select: { id: true, title: true, body: true, link: true } } },
  });
  let queued = 0;
  const base = appBaseUrl();
  for (const u of users) {
    const id = randomUUID();
    const mail = digestEmail(u.fullName, today, u.notifications, base);
    await db.$transaction(async (tx) => {
      const made = await tx.emailOutbox.createMany({ data: [{ id, dedupeKey: `digest:${u.id}:${today}`, userId: u.id, toAddress: u.email!, subject: mail.subject, body: mail.body, nextAttemptAt: now }], skipDuplicates: true });
      if (made.count === 0) return; // another run queued today's digest
      await tx.notification.updateMany({ where: { id: { in: u.notifications.map((n) => n.id) }, digestId: null }, data: { digestId: id } });
      queued++;
    });
  }
  return queued;
}

/** Claims due emails one by one (compare-and-set on the lease) and sends them. */
export async function sendQueuedEmails(db: Db, now: Date, sender: Sender, limit = 200): Promise<{ sent: number; failed: number }> {
  const candidates = await db.emailOutbox.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true },
  });
  let sent = 0;
  let failed = 0;
  for (const { id } of candidates) {
    const claimed = await db.emailOutbox.updateMany({
      where: { id, status: "PENDING", nextAttemptAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: { lockedUntil: new Date(now.getTime() + LEASE_MS), attempts: { increment: 1 } },
    });
    if (claimed.count === 0) continue; // another run has it
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    try {
      await sender({ id: row.id, to: row.toAddress, subject: row.subject, text: row.body });
      await db.emailOutbox.update({ where: { id }, data: { status: "SENT", sentAt: new Date(), lockedUntil: null, lastError: null } });
      sent++;
    } catch (error) {
      const giveUp = row.attempts >= EMAIL_MAX_ATTEMPTS;
      await db.emailOutbox.update({
        where: { id },
        data: { status: giveUp ? "FAILED" : "PENDING", lockedUntil: null, lastError: String((error as Error)?.message ?? error).slice(0, 1000), nextAttemptAt: new Date(now.getTime() + emailBackoffMs(row.attempts)) },
      });
      failed++;
    }
  }
  return { sent, failed };
}

export async function runNotify(options: NotifyOptions = {}): Promise<NotifyResult> {
  const db = options.db ?? (await getDb());
  const now = options.now ?? new Date();
  const today = vnDate(now);
  let notices = 0;
  for (const event of await timeBasedEvents(db, today)) {
    notices += await db.$transaction((tx) => notifyEvent(tx, event));
  }
  const digests = await queueDigests(db, now);
  const sender = options.sender === undefined ? (emailEnabled() ? smtpSender() : null) : options.sender;
  const { sent, failed } = sender ? await sendQueuedEmails(db, now, sender) : { sent: 0, failed: 0 };
  return { notices, digests, sent, failed };
}

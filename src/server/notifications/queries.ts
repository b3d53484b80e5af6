// The signed-in user's notices: the bell's count (one indexed count per page) and the list.
import type { Actor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { emailEnabled } from "./mailer";

export async function unreadCount(actor: Actor): Promise<number> {
  const db = await getDb();
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}

export async function myNotifications(actor: Actor, take = 200) {
  const db = await getDb();
  return db.notification.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" }, take, select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true } });
}

/** For the admin page: is email on, and what is waiting or failed. */
export async function emailStatus() {
  const db = await getDb();
  const [pending, failed, sent, failures] = await Promise.all([
    db.emailOutbox.count({ where: { status: "PENDING" } }),
    db.emailOutbox.count({ where: { status: "FAILED" } }),
    db.emailOutbox.count({ where: { status: "SENT" } }),
    db.emailOutbox.findMany({ where: { OR: [{ status: "FAILED" }, { status: "PENDING", attempts: { gt: 0 } }] }, orderBy: { createdAt: "desc" }, take: 20, select: { id: true, toAddress: true, subject: true, status: true, attempts: true, lastError: true, nextAttemptAt: true } }),
  ]);
  return { enabled: emailEnabled(), pending, failed, sent, failures };
}

// Creates the notices of one event inside the caller's transaction: the event and its
// notices commit together or not at all. (userId, eventKey) is unique, so a retried or
// concurrent producer of the same event adds nothing; immediate emails are queued the same way.
import type { Prisma } from "@/generated/prisma/client";
import { noticeFor, recipientsOf, immediateEmail, type NoticeEvent } from "@/domain/notifications";
import { appBaseUrl, emailEnabled } from "./mailer";

type Tx = Prisma.TransactionClient;

/** The units above a commune (district and province) whose reviewers see it. */
async function reviewingUnits(tx: Tx, communeId: string): Promise<string[]> {
  const c = await tx.orgUnit.findUnique({ where: { id: communeId }, select: { parentId: true, parent: { select: { parentId: true } } } });
  return [c?.parentId, c?.parent?.parentId].filter((x): x is string => !!x);
}

/** Returns how many notices were created (0 when the event was already notified). */
export async function notifyEvent(tx: Tx, event: NoticeEvent): Promise<number> {
  const units = await reviewingUnits(tx, event.communeId);
  const people = await tx.user.findMany({
    where: { orgUnitId: { in: [event.communeId, ...units] }, active: true },
    select: { id: true, role: true, orgUnitId: true, responsibleUnitId: true, active: true, fullName: true, email: true, emailMode: true },
  });
  const ids = recipientsOf(event, people, units);
  if (!ids.length) return 0;
  const notice = noticeFor(event);
  const created = await tx.notification.createMany({
    data: ids.map((userId) => ({ userId, communeId: event.communeId, kind: notice.kind, eventKey: notice.eventKey, title: notice.title, body: notice.body, link: notice.link })),
    skipDuplicates: true,
  });
  if (emailEnabled()) {
    const base = appBaseUrl();
    const immediate = people.filter((p) => ids.includes(p.id) && p.emailMode === "IMMEDIATE" && p.email);
    if (immediate.length) {
      await tx.emailOutbox.createMany({
        data: immediate.map((p) => {
          const mail = immediateEmail(p.fullName, notice, base);
          return { dedupeKey: `notice:${p.id}:${notice.eventKey}`, userId: p.id, toAddress: p.email!, subject: mail.subject, body: mail.body };
        }),
        skipDuplicates: true,
      });
    }
  }
  return created.count;
}

// Notices and email (issue 16): every event notifies exactly the right people and no one
// else; the notify command is idempotent, also when two run at once; a failing SMTP server
// means a retry, not a loss; a real SMTP server (smtp-server) receives the digest.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { setupTestDb } from "../support/demo-db";
import { actAs, formData } from "../support/actors";
import { decideSubmission, submitPlan } from "@/server/review/actions";
import { submitReport } from "@/server/reports/actions";
import { explainRedRows } from "../support/explain";
import { remindCommunes, openNotification, saveEmailPreferences } from "@/server/notifications/actions";
import { runNotify, sendQueuedEmails } from "@/server/notifications/run";
import { smtpSender } from "@/server/notifications/mailer";
import { emailStatus } from "@/server/notifications/queries";
import { completeness } from "@/server/calendar/completeness";
import { loadTodo } from "@/server/calendar/todo";

const t = setupTestDb();
const savedEnv = { ...process.env };

// ---- a real SMTP server -----------------------------------------------------------------------
interface Received {
  to: string[];
  subject: string;
  text: string;
}
const received: Received[] = [];
let smtpFails = false;
let smtp: SMTPServer;

function decodeWords(s: string): string {
  return s.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : Buffer.from(data.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8"),
  );
}

function parseMail(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, " ");
  const subject = decodeWords(/^Subject: (.*)$/im.exec(headers)?.[1] ?? "");
  const body = rest.join("\n\n");
  const cte = /^Content-Transfer-Encoding: (.*)$/im.exec(headers)?.[1]?.trim().toLowerCase();
  const text =
    cte === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
      : cte === "quoted-printable"
        ? Buffer.from(body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8")
        : body;
  return { subject, text };
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (smtpFails) return callback(Object.assign(new Error("Hộp thư tạm thời không nhận"), { responseCode: 451 }));
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), ...parseMail(Buffer.concat(chunks).toString("utf8")) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
}, 180_000);

afterAll(async () => {
  process.env = savedEnv;
  await actAs(null);
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

function smtpOn() {
  process.env.SMTP_HOST = "127.0.0.1";
  process.env.SMTP_PORT = String((smtp.server.address() as AddressInfo).port);
  process.env.SMTP_FROM = "CCHC xã <khong-tra-loi@cchc.example.vn>";
  process.env.SMTP_SECURE = "false";
  process.env.APP_URL = "https://cchc.example.vn";
}
function smtpOff() {
  delete process.env.SMTP_HOST;
  delete process.env.SMTP_FROM;
}

// ---- helpers ----------------------------------------------------------------------------------

async function unit(name: string) {
  return t.db.orgUnit.findFirstOrThrow({ where: { name } });
}

/** Notices created while `fn` runs: "username:kind" sorted. */
async function noticesDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const before = new Set((await t.db.notification.findMany({ select: { id: true } })).map((n) => n.id));
  await fn();
  const after = await t.db.notification.findMany({ select: { id: true, kind: true, user: { select: { username: true } } } });
  return after
    .filter((n) => !before.has(n.id))
    .map((n) => `${n.user.username}:${n.kind}`)
    .sort();
}

async function reportOf(communeName: string, year: number, quarter: number) {
  const c = await unit(communeName);
  const period = await t.db.reportingPeriod.upsert({ where: { year_quarter: { year, quarter } }, update: {}, create: { year, quarter } });
  return t.db.quarterlyReport.upsert({ where: { communeId_periodId: { communeId: c.id, periodId: period.id } }, update: {}, create: { communeId: c.id, periodId: period.id } });
}

const HANH_DUNG_COMMUNE = ["hanhdung.canbo", "hanhdung.chutich"];
const HANH_DUNG_REVIEWERS = ["nghiahanh.thamdinh", "quangngai.thamdinh"];

beforeEach(() => smtpOff());

describe("workflow events notify exactly the right people", () => {
  it("report submitted → the reviewers above the commune; returned, approved, reopened → the commune's clerk and chairman", async () => {
    const report = await reportOf("Xã Hành Dũng", 2025, 4);
    await t.db.quarterlyReport.update({ where: { id: report.id }, data: { status: "DRAFT" } });
    await actAs("hanhdung.chutich");
    await explainRedRows(t, "hanhdung.chutich", 2025, 4);
    expect(await noticesDuring(async () => expect((await submitReport({ year: 2025, quarter: 4 })).ok).toBe(true))).toEqual(HANH_DUNG_REVIEWERS.map((u) => `${u}:report.submitted`));

    await actAs("nghiahanh.thamdinh");
    expect(await noticesDuring(async () => expect((await decideSubmission({ subjectType: "report", subjectId: report.id, decision: "return", comment: "Bổ sung minh chứng chỉ tiêu 3." })).ok).toBe(true))).toEqual(
      HANH_DUNG_COMMUNE.map((u) => `${u}:report.returned`),
    );
    const returned = await t.db.notification.findFirstOrThrow({ where: { kind: "report.returned", user: { username: "hanhdung.canbo" } } });
    expect(returned).toMatchObject({ title: "Báo cáo Quý IV/2025 bị trả lại", body: "Bổ sung minh chứng chỉ tiêu 3.", link: "/bao-cao?nam=2025&quy=4" });

    await actAs("hanhdung.chutich");
    // A second submission is a new event: the reviewers are told again.
    expect(await noticesDuring(() => submitReport({ year: 2025, quarter: 4 }))).toEqual(HANH_DUNG_REVIEWERS.map((u) => `${u}:report.submitted`));
    await actAs("quangngai.thamdinh");
    expect(await noticesDuring(() => decideSubmission({ subjectType: "report", subjectId: report.id, decision: "approve" }))).toEqual(HANH_DUNG_COMMUNE.map((u) => `${u}:report.approved`));
    expect(await noticesDuring(() => decideSubmission({ subjectType: "report", subjectId: report.id, decision: "reopen", comment: "Sai số liệu quý." }))).toEqual(HANH_DUNG_COMMUNE.map((u) => `${u}:report.reopened`));
  });

  it("plan submitted and returned", async () => {
    const plan = await t.db.plan.findFirstOrThrow({ where: { commune: { name: "Xã Diên Khánh" }, year: 2025 } });
    await t.db.plan.update({ where: { id: plan.id }, data: { status: "DRAFT" } });
    await actAs("dienkhanh.chutich");
    // Diên Khánh reports straight to the province (no district).
    expect(await noticesDuring(() => submitPlan({ planId: plan.id }))).toEqual(["khanhhoa.thamdinh:plan.submitted"]);
    await actAs("khanhhoa.thamdinh");
    expect(await noticesDuring(() => decideSubmission({ subjectType: "plan", subjectId: plan.id, decision: "return", comment: "Thiếu chỉ tiêu SIPAS." }))).toEqual(["dienkhanh.canbo:plan.returned", "dienkhanh.chutich:plan.returned"]);
  });

  it("a refused step notifies no one", async () => {
    const report = await reportOf("Xã Hành Dũng", 2025, 4);
    await actAs("khanhhoa.thamdinh"); // not above Hành Dũng
    expect(await noticesDuring(async () => expect((await decideSubmission({ subjectType: "report", subjectId: report.id, decision: "approve" })).ok).toBe(false))).toEqual([]);
  });
});

describe("reminders from the completeness board", () => {
  it("reminds one commune (its clerk and chairman), with the message, and never another commune", async () => {
    await actAs("nghiahanh.thamdinh");
    const hd = await unit("Xã Hành Dũng");
    const made = await noticesDuring(async () => {
      const r = await remindCommunes(null, formData({ year: "2025", quarter: "3", communeId: hd.id, message: "Đề nghị nộp trước thứ Sáu." }));
      expect(r).toMatchObject({ ok: true, data: { count: 1 } });
    });
    expect(made).toEqual(HANH_DUNG_COMMUNE.map((u) => `${u}:reminder`));
    const n = await t.db.notification.findFirstOrThrow({ where: { kind: "reminder", user: { username: "hanhdung.canbo" } }, orderBy: { createdAt: "desc" } });
    expect(n.body).toContain("Đề nghị nộp trước thứ Sáu.");
    expect(n.title).toMatch(/^Nhắc nộp báo cáo Quý III\/2025 \(hạn \d\d\/\d\d\/2025\)$/);

    const dk = await unit("Xã Diên Khánh");
    expect(await noticesDuring(async () => expect(await remindCommunes(null, formData({ year: "2025", quarter: "3", communeId: dk.id }))).toMatchObject({ ok: false, error: "Xã này không thuộc đơn vị bạn phụ trách." }))).toEqual([]);
    await actAs("hanhdung.canbo");
    expect(await noticesDuring(async () => expect((await remindCommunes(null, formData({ year: "2025", quarter: "3", communeId: hd.id }))).ok).toBe(false))).toEqual([]);
  });

  it("reminds all communes in scope that have not submitted, and only those", async () => {
    await actAs("quangngai.thamdinh");
    const board = await completeness((await actAs("quangngai.thamdinh"))!, 2025, 3, "2025-10-01");
    const missing = board.rows.filter((r) => r.history.at(-1)!.cell === "MISSING").map((r) => r.name);
    const made = await noticesDuring(() => remindCommunes(null, formData({ year: "2025", quarter: "3" })));
    // Quảng Ngãi oversees Hành Dũng only in the demo.
    expect(missing).toEqual(["Xã Hành Dũng"]);
    expect(made).toEqual(HANH_DUNG_COMMUNE.map((u) => `${u}:reminder`));
  });

  it("the board counts on time and late by the first submission, in Vietnam time", async () => {
    const report = await reportOf("Xã Hành Dũng", 2025, 2);
    await t.db.reviewDecision.deleteMany({ where: { reportId: report.id } });
    const clerk = await t.db.user.findUniqueOrThrow({ where: { username: "hanhdung.chutich" } });
    await t.db.quarterlyReport.update({ where: { id: report.id }, data: { status: "SUBMITTED", submittedAt: new Date("2025-06-20T17:30:00Z") } });
    // 00:30 on 21/06 in Vietnam: one day late under the common rule (20/06).
    await t.db.reviewDecision.create({ data: { communeId: report.communeId, reportId: report.id, action: "submit", fromStatus: "DRAFT", toStatus: "SUBMITTED", userId: clerk.id, createdAt: new Date("2025-06-20T17:30:00Z") } });
    const reviewer = (await actAs("nghiahanh.thamdinh"))!;
    const board = await completeness(reviewer, 2025, 2, "2025-07-01");
    const hd = board.rows.find((r) => r.name === "Xã Hành Dũng")!;
    expect(hd.history.at(-1)).toMatchObject({ cell: "LATE", dueDate: "2025-06-20", dueSource: "COMMON_RULE" });
    expect(board.current).toMatchObject({ expected: 1, submitted: 1, late: 1, onTime: 0 });
  });
});

describe("npm run notify", () => {
  const Q4_DUE = "2025-12-20";

  it("produces due-in-7-days notices once, even run twice and twice at once", async () => {
    const hd = await unit("Xã Hành Dũng");
    const r4 = await reportOf("Xã Hành Dũng", 2025, 4);
    await t.db.quarterlyReport.update({ where: { id: r4.id }, data: { status: "DRAFT" } });
    const now = new Date("2025-12-14T01:00:00Z"); // 08:00 in Vietnam, six days before the due date
    const first = await noticesDuring(() => runNotify({ now, sender: null }));
    const hdDue = first.filter((x) => x.endsWith(":report.due7"));
    expect(hdDue).toContain("hanhdung.canbo:report.due7");
    const due7 = await t.db.notification.findMany({ where: { kind: "report.due7", communeId: hd.id }, select: { user: { select: { username: true } }, eventKey: true } });
    expect(due7.map((n) => n.user.username).sort()).toEqual(HANH_DUNG_COMMUNE);
    expect(due7[0].eventKey).toBe(`report.due7:${hd.id}:2025-4:${Q4_DUE}`);
    // Nobody outside a commune gets its notices.
    const leaks = await t.db.$queryRaw<{ n: number }[]>`select count(*)::int as n from "Notification" x join "User" u on u.id = x."userId" where x.kind like 'report.due%' and u."orgUnitId" <> x."communeId"`;
    expect(leaks[0].n).toBe(0);
    expect(await noticesDuring(() => runNotify({ now, sender: null }))).toEqual([]);
    // Two at once, one day before: each due-in-1-day notice exactly once.
    const later = new Date("2025-12-19T01:00:00Z");
    let runs: Awaited<ReturnType<typeof runNotify>>[] = [];
    const made = await noticesDuring(async () => {
      runs = await Promise.all([runNotify({ now: later, sender: null }), runNotify({ now: later, sender: null })]);
    });
    const due1 = await t.db.notification.findMany({ where: { kind: "report.due1" }, select: { userId: true, eventKey: true } });
    expect(new Set(due1.map((n) => `${n.userId}|${n.eventKey}`)).size).toBe(due1.length);
    expect(made.filter((m) => m.endsWith(":report.due1"))).toHaveLength(due1.length);
    expect(made).toContain("hanhdung.canbo:report.due1");
    // The two runs together report exactly what was created: nothing twice.
    expect(runs[0].notices + runs[1].notices).toBe(made.length);
  });

  it("overdue report and overdue task: the unit's users and the chairman, not the other staff", async () => {
    const hd = await unit("Xã Hành Dũng");
    const task = await t.db.task.findFirstOrThrow({ where: { plan: { communeId: hd.id, year: 2025 }, leadUnitId: { not: null } }, orderBy: { position: "asc" } });
    await t.db.task.update({ where: { id: task.id }, data: { deadlineKind: "DATE", dueDate: new Date("2025-11-30T00:00:00Z") } });
    await t.db.taskProgress.deleteMany({ where: { taskId: task.id } });
    const unitUser = await t.db.user.create({ data: { username: "hanhdung.tuphap", fullName: "Cán bộ đơn vị", role: "COMMUNE_STAFF", orgUnitId: hd.id, responsibleUnitId: task.leadUnitId, passwordHash: "x" } });
    const made = await noticesDuring(() => runNotify({ now: new Date("2025-12-22T01:00:00Z"), sender: null }));
    const forTask = await t.db.notification.findMany({ where: { kind: "task.overdue", eventKey: { startsWith: `task.overdue:${task.id}:` } }, select: { user: { select: { username: true } } } });
    expect(forTask.map((n) => n.user.username).sort()).toEqual(["hanhdung.chutich", "hanhdung.tuphap"]);
    expect(made.filter((m) => m.startsWith("hanhdung.") && m.endsWith("report.overdue")).sort()).toEqual(HANH_DUNG_COMMUNE.map((u) => `${u}:report.overdue`));
    // The unit user is told about their unit's task, not about the commune's report.
    expect(made.filter((m) => m.startsWith("hanhdung.tuphap:")).every((m) => m.endsWith("task.overdue"))).toBe(true);

    // The clerk's Việc cần làm lists the overdue report and the unit's task; the unit user sees their unit first.
    const todo = await loadTodo((await actAs("hanhdung.tuphap"))!, "2025-12-22");
    expect(todo.taskGroups[0]).toMatchObject({ unitId: task.leadUnitId, mine: true });
    expect(todo.taskGroups[0].overdue.map((x) => x.id)).toContain(task.id);
    expect(todo.current).toMatchObject({ year: 2025, quarter: 4, dueDate: Q4_DUE, daysLeft: -2, source: "COMMON_RULE" });
    await t.db.user.delete({ where: { id: unitUser.id } });
  });

  it("a quarter due before the commune's plan came into force is not reported late (as on the matrix)", async () => {
    // Diên Khánh became a commune on 01/07/2025; its 2025 plan came into force on 24/10/2025, after
    // Q3's due day (20/09/2025). Hành Dũng's plan was in force long before and its Q3 is not in.
    const dk = await unit("Xã Diên Khánh");
    const hd = await unit("Xã Hành Dũng");
    const since = await t.db.planVersion.findFirstOrThrow({ where: { versionNo: 1, plan: { communeId: dk.id, year: 2025 } }, orderBy: { createdAt: "asc" } });
    expect(since.createdAt.toISOString().slice(0, 10) > "2025-09-20").toBe(true);
    await runNotify({ now: new Date("2025-09-23T01:00:00Z"), sender: null });
    // Earlier runs in this file may have made some of these already: read what exists.
    const overdue = await t.db.notification.findMany({ where: { kind: "report.overdue", eventKey: { contains: ":2025-3:" } }, select: { communeId: true, user: { select: { username: true } } } });
    expect(overdue.filter((n) => n.communeId === hd.id).map((n) => n.user.username).sort()).toEqual(HANH_DUNG_COMMUNE);
    expect(overdue.filter((n) => n.communeId === dk.id)).toEqual([]);
  });

  it("opening a notice marks it read and goes to its page; another user's notice is refused", async () => {
    const mine = await t.db.notification.findFirstOrThrow({ where: { user: { username: "hanhdung.canbo" }, readAt: null } });
    await actAs("hanhdung.chutich");
    expect(await openNotification(formData({ id: mine.id }))).toMatchObject({ ok: false, error: "Không tìm thấy thông báo." });
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).toBeNull();
    await actAs("hanhdung.canbo");
    await expect(openNotification(formData({ id: mine.id }))).rejects.toMatchObject({ digest: expect.stringContaining(mine.link) });
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).not.toBeNull();
  });
});

describe("email", () => {
  it("a real SMTP server receives the daily digest: subject, recipient, Vietnamese body; sent once even if notify runs twice at once", async () => {
    smtpOn();
    await actAs("hanhdung.canbo");
    expect(await saveEmailPreferences(null, formData({ email: "canbo.hanhdung@example.vn", emailMode: "DAILY_DIGEST" }))).toMatchObject({ ok: true });
    received.length = 0;
    const now = new Date("2025-12-23T01:30:00Z"); // 08:30 in Vietnam
    const [a, b] = await Promise.all([runNotify({ now }), runNotify({ now })]);
    expect(a.digests + b.digests).toBe(1);
    expect(a.sent + b.sent).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(["canbo.hanhdung@example.vn"]);
    expect(received[0].subject).toMatch(/^\[CCHC xã\] \d+ thông báo mới ngày 23\/12\/2025$/);
    expect(received[0].text).toContain("Kính gửi Công chức Văn phòng");
    expect(received[0].text).toContain("Báo cáo Quý IV/2025 đã quá hạn (hạn 20/12/2025)");
    expect(received[0].text).toContain("https://cchc.example.vn/bao-cao?nam=2025&quy=4");
    // Later runs the same day send nothing more.
    await runNotify({ now: new Date("2025-12-23T05:00:00Z") });
    expect(received).toHaveLength(1);
  });

  it("immediate email: a failing SMTP server leads to a retry with backoff, not a loss, and the admin sees it", async () => {
    smtpOn();
    await actAs("hanhdung.chutich");
    expect(await saveEmailPreferences(null, formData({ email: "chutich.hanhdung@example.vn", emailMode: "IMMEDIATE" }))).toMatchObject({ ok: true });
    const hd = await unit("Xã Hành Dũng");
    await actAs("nghiahanh.thamdinh");
    expect(await remindCommunes(null, formData({ year: "2025", quarter: "4", communeId: hd.id, message: "Nhắc lần hai." }))).toMatchObject({ ok: true });
    const row = await t.db.emailOutbox.findFirstOrThrow({ where: { toAddress: "chutich.hanhdung@example.vn" }, orderBy: { createdAt: "desc" } });
    expect(row.status).toBe("PENDING");
    received.length = 0;
    smtpFails = true;
    const t0 = new Date();
    const failed = await sendQueuedEmails(t.db, t0, smtpSender());
    expect(failed).toMatchObject({ sent: 0, failed: 1 });
    const afterFail = await t.db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(afterFail).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(afterFail.lastError).toMatch(/451/);
    expect(afterFail.nextAttemptAt.getTime()).toBe(t0.getTime() + 60_000);
    // The admin page lists it, with the error, while it waits for the retry.
    const status = await emailStatus();
    expect(status.enabled).toBe(true);
    expect(status.failures.find((f) => f.id === row.id)).toMatchObject({ toAddress: "chutich.hanhdung@example.vn", attempts: 1, status: "PENDING" });
    // Not before the backoff has passed.
    smtpFails = false;
    expect(await sendQueuedEmails(t.db, new Date(t0.getTime() + 30_000), smtpSender())).toMatchObject({ sent: 0, failed: 0 });
    // After it, two senders at once: delivered exactly once.
    const at = new Date(t0.getTime() + 61_000);
    const [x, y] = await Promise.all([sendQueuedEmails(t.db, at, smtpSender()), sendQueuedEmails(t.db, at, smtpSender())]);
    expect(x.sent + y.sent).toBe(1);
    expect(received.filter((m) => m.to[0] === "chutich.hanhdung@example.vn")).toHaveLength(1);
    expect(received[0].subject).toBe("[CCHC xã] Nhắc nộp báo cáo Quý IV/2025 (hạn 20/12/2025)");
    expect(received[0].text).toContain("Nhắc lần hai.");
    expect(await t.db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("without SMTP settings nothing is queued and the in-app notice is all there is", async () => {
    smtpOff();
    const before = await t.db.emailOutbox.count();
    const hd = await unit("Xã Hành Dũng");
    await actAs("nghiahanh.thamdinh");
    const made = await noticesDuring(() => remindCommunes(null, formData({ year: "2025", quarter: "4", communeId: hd.id })));
    expect(made).toEqual(HANH_DUNG_COMMUNE.map((u) => `${u}:reminder`));
    expect(await t.db.emailOutbox.count()).toBe(before);
  });
});

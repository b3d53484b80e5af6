// `npm run notify`: time-based notices (report due in 7 days / 1 day / overdue, task overdue),
// daily digests and the email send. Run from cron against PostgreSQL; safe to run twice at
// once (see src/server/notifications/run.ts). With the embedded PGlite database only one
// process may open the folder, so run it while the app is stopped, or let the app run it
// (NOTIFY_IN_APP, see README).
import { createPrismaClient } from "../src/server/db/client";
import { setDatabase } from "../src/server/db";
import { runNotify } from "../src/server/notifications/run";
import { emailEnabled } from "../src/server/notifications/mailer";

async function main() {
  const db = await createPrismaClient();
  setDatabase(db);
  try {
    const started = Date.now();
    const r = await runNotify({ db });
    console.log(
      `Thông báo mới: ${r.notices} · thư tổng hợp xếp hàng: ${r.digests} · email đã gửi: ${r.sent} · gửi lỗi (sẽ thử lại): ${r.failed}` +
        `${emailEnabled() ? "" : " · email đang tắt (chưa cấu hình SMTP)"} · ${Date.now() - started} ms`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error("notify thất bại:", error);
    process.exit(1);
  },
);

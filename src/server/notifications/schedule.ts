// The in-app schedule: the same job as `npm run notify`, run by the server process itself.
// On by default with the embedded PGlite database (one process may open its folder, so cron
// cannot run a second process beside the app); off by default with PostgreSQL, where cron
// runs `npm run notify`. NOTIFY_IN_APP=1/0 forces it either way; it is safe with several
// instances too (unique keys and claimed sends), only wasteful.
import { isPostgresUrl } from "@/server/db/url";

const globalForSchedule = globalThis as unknown as { __cchcNotifySchedule?: NodeJS.Timeout };

export function inAppScheduleEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NOTIFY_IN_APP === "1") return true;
  if (env.NOTIFY_IN_APP === "0") return false;
  return !isPostgresUrl(env.DATABASE_URL);
}

export function startInAppNotifySchedule(): void {
  if (!inAppScheduleEnabled() || globalForSchedule.__cchcNotifySchedule) return;
  const minutes = Math.max(1, Number(process.env.NOTIFY_INTERVAL_MINUTES ?? 15));
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { runNotify } = await import("./run");
      await runNotify();
    } catch (error) {
      console.error("Lịch thông báo trong ứng dụng: lỗi", error);
    } finally {
      running = false;
    }
  };
  globalForSchedule.__cchcNotifySchedule = setInterval(tick, minutes * 60_000);
  globalForSchedule.__cchcNotifySchedule.unref();
}

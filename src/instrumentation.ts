// Runs once when the server starts: the in-app notification schedule (see
// src/server/notifications/schedule.ts for when it is on).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startInAppNotifySchedule } = await import("@/server/notifications/schedule");
  startInAppNotifySchedule();
}

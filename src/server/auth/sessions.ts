// Server-side record of each signed-in browser. The session cookie is a signed JWT, which on
// its own stays valid until it expires: signing out only deletes the cookie from the browser
// that signs out, and a copy (a shared office computer, a stolen cookie) would keep working.
// Each JWT therefore names a row here, checked on every request; signing out ends the row, so
// the copy is refused too, on every instance (the state is in the database, not in memory).
import { getDb } from "@/server/db";

/** Starts a session for a user who has just proved their password; its id goes into the JWT. */
export async function startSession(userId: string, maxAgeSeconds: number): Promise<string> {
  const db = await getDb();
  const now = Date.now();
  // Sessions past their end are of no use to anyone: forget them while we are here.
  await db.authSession.deleteMany({ where: { userId, expiresAt: { lt: new Date(now) } } });
  const row = await db.authSession.create({ data: { userId, expiresAt: new Date(now + maxAgeSeconds * 1000) }, select: { id: true } });
  return row.id;
}

/**
 * Whether the session a token names is still open: the row exists, belongs to the token's
 * user, has not been ended or expired, and the user is active with the same session version
 * (a password change or deactivation bumps it).
 */
export async function sessionIsOpen(token: { sid?: unknown; uid?: unknown; sv?: unknown }): Promise<boolean> {
  if (typeof token.sid !== "string" || typeof token.uid !== "string") return false;
  const db = await getDb();
  const row = await db.authSession.findUnique({
    where: { id: token.sid },
    select: { userId: true, endedAt: true, expiresAt: true, user: { select: { active: true, sessionVersion: true } } },
  });
  return (
    !!row &&
    row.userId === token.uid &&
    !row.endedAt &&
    row.expiresAt.getTime() > Date.now() &&
    row.user.active &&
    row.user.sessionVersion === (typeof token.sv === "number" ? token.sv : 0)
  );
}

/** Sign-out: this browser's session ends for every copy of its cookie. */
export async function endSession(sessionId: unknown): Promise<void> {
  if (typeof sessionId !== "string") return;
  const db = await getDb();
  await db.authSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date() } });
}

/** "Sign out everywhere": every open session of this user ends. Returns how many were open. */
export async function endAllSessions(userId: string, client?: Pick<Awaited<ReturnType<typeof getDb>>, "authSession">): Promise<number> {
  const db = client ?? (await getDb());
  const { count } = await db.authSession.updateMany({ where: { userId, endedAt: null, expiresAt: { gt: new Date() } }, data: { endedAt: new Date() } });
  return count;
}

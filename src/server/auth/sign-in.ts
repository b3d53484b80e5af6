// Password check with a limit on failed attempts per account (stored, so it holds across
// instances) and per address (in memory, per instance).
import "server-only";
import { foldText } from "@/domain/text";
import { getDb } from "@/server/db";
import { hashPassword, verifyPassword } from "./password";

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;
export const MAX_ATTEMPTS_PER_ADDRESS = 30;
const ADDRESS_WINDOW_MS = 15 * 60 * 1000;

const addressFailures = new Map<string, { count: number; since: number }>();
/** Bounds the memory a flood of made-up addresses can take. */
const MAX_TRACKED_ADDRESSES = 10_000;

/**
 * The address a sign-in comes from, for the per-address limit: the LAST X-Forwarded-For
 * entry. scripts/serve.mjs (what `npm start` runs) replaces the header with the single
 * address it may trust: the connection's peer, or with TRUSTED_PROXY_HOPS=N the entry the
 * N-th proxy wrote (scripts/client-address.mjs). Under plain `next start` a client reaching
 * the port directly could write the header itself.
 */
export function clientAddress(forwarded: string | string[] | null | undefined): string {
  const header = Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "");
  const last = header.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  return last ? last.slice(0, 100) : "local";
}

function addressBlocked(address: string, now: number): boolean {
  const entry = addressFailures.get(address);
  if (!entry || now - entry.since > ADDRESS_WINDOW_MS) return false;
  return entry.count >= MAX_ATTEMPTS_PER_ADDRESS;
}

function noteAddressFailure(address: string, now: number) {
  if (addressFailures.size >= MAX_TRACKED_ADDRESSES) {
    for (const [key, value] of addressFailures) if (now - value.since > ADDRESS_WINDOW_MS) addressFailures.delete(key);
    // Still full of live entries: forget the oldest rather than grow without bound.
    if (addressFailures.size >= MAX_TRACKED_ADDRESSES) addressFailures.delete(addressFailures.keys().next().value!);
  }
  const entry = addressFailures.get(address);
  if (!entry || now - entry.since > ADDRESS_WINDOW_MS) addressFailures.set(address, { count: 1, since: now });
  else entry.count += 1;
}

export function resetAddressFailuresForTests() {
  addressFailures.clear();
}

const WRONG = "Tên đăng nhập hoặc mật khẩu không đúng.";
const LOCKED = `Tài khoản tạm khóa do đăng nhập sai ${MAX_FAILED_ATTEMPTS} lần. Vui lòng thử lại sau ${LOCK_MINUTES} phút hoặc liên hệ quản trị viên.`;

export type SignInResult =
  | { ok: true; user: { id: string; fullName: string; sessionVersion: number } }
  | { ok: false; error: string };

export function normalizeUsername(username: string): string {
  return foldText(username).replace(/\s+/g, "");
}

/**
 * A real argon2id hash of a random password, made once: a name that has no account is
 * checked against it, so the answer takes as long as for an account (a missing hash check
 * answered ~25 ms sooner and told which names exist).
 */
let decoyHash: Promise<string> | null = null;
function decoy(): Promise<string> {
  decoyHash ??= hashPassword(crypto.randomUUID());
  return decoyHash;
}

/**
 * Failed attempts of a name, whether or not an account has it: a name without an account is
 * counted and locked exactly like one with an account, in the database (so across instances),
 * and the answers are the same. Otherwise "locked after 5 tries" would tell which names exist.
 */
async function noteNameFailure(
  db: Awaited<ReturnType<typeof getDb>>,
  username: string,
  user: { id: string; failedLoginCount: number } | null,
  now: number,
): Promise<boolean> {
  if (user) {
    const failed = user.failedLoginCount + 1;
    const lock = failed >= MAX_FAILED_ATTEMPTS;
    await db.user.update({
      where: { id: user.id },
      data: { failedLoginCount: lock ? 0 : failed, lockedUntil: lock ? new Date(now + LOCK_MINUTES * 60_000) : null },
    });
    return lock;
  }
  // Rows of names that are neither counting nor locked any more are of no use.
  if (Math.random() < 0.05) await db.signInLock.deleteMany({ where: { updatedAt: { lt: new Date(now - ADDRESS_WINDOW_MS) }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: new Date(now) } }] } });
  const row = await db.signInLock.upsert({
    where: { username },
    create: { username, failedCount: 1 },
    update: { failedCount: { increment: 1 } },
  });
  const lock = row.failedCount >= MAX_FAILED_ATTEMPTS;
  if (lock) await db.signInLock.update({ where: { username }, data: { failedCount: 0, lockedUntil: new Date(now + LOCK_MINUTES * 60_000) } });
  return lock;
}

export async function signInWithPassword(username: string, password: string, address: string): Promise<SignInResult> {
  const now = Date.now();
  if (addressBlocked(address, now)) {
    return { ok: false, error: "Quá nhiều lần đăng nhập sai từ máy này. Vui lòng thử lại sau 15 phút." };
  }
  if (!username.trim() || !password) return { ok: false, error: "Vui lòng nhập tên đăng nhập và mật khẩu." };
  const db = await getDb();
  const name = normalizeUsername(username).slice(0, 200);
  const [user, nameLock] = await Promise.all([
    db.user.findUnique({ where: { username: name } }),
    db.signInLock.findUnique({ where: { username: name } }),
  ]);
  // Every path below checks one argon2id hash, so all answers take the same time.
  const valid = await verifyPassword(user?.passwordHash ?? (await decoy()), password);
  const lockedUntil = user ? user.lockedUntil : (nameLock?.lockedUntil ?? null);
  if (lockedUntil && lockedUntil.getTime() > now) return { ok: false, error: LOCKED };
  if (!user || !valid) {
    noteAddressFailure(address, now);
    const locked = await noteNameFailure(db, name, user, now);
    return { ok: false, error: locked ? LOCKED : WRONG };
  }
  if (!user.active) return { ok: false, error: "Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị viên." };
  if (user.failedLoginCount > 0 || user.lockedUntil) {
    await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
  }
  return { ok: true, user: { id: user.id, fullName: user.fullName, sessionVersion: user.sessionVersion } };
}

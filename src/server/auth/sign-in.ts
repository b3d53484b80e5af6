// Password check with a limit on failed attempts per account (stored, so it holds across
// instances) and per address (in memory, per instance).
import "server-only";
import { foldText } from "@/domain/text";
import { getDb } from "@/server/db";
import { verifyPassword } from "./password";

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;
export const MAX_ATTEMPTS_PER_ADDRESS = 30;
const ADDRESS_WINDOW_MS = 15 * 60 * 1000;

const addressFailures = new Map<string, { count: number; since: number }>();
/** Bounds the memory a flood of made-up addresses can take. */
const MAX_TRACKED_ADDRESSES = 10_000;

/**
 * The address a sign-in comes from, for the per-address limit: the LAST X-Forwarded-For
 * entry, i.e. the one written by the nearest proxy (a client can put anything in front of it,
 * and `next start` keeps a client's own header when there is no proxy). The app must therefore
 * run behind a reverse proxy that sets X-Forwarded-For (docs/security.md).
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

export type SignInResult =
  | { ok: true; user: { id: string; fullName: string; sessionVersion: number } }
  | { ok: false; error: string };

export function normalizeUsername(username: string): string {
  return foldText(username).replace(/\s+/g, "");
}

export async function signInWithPassword(username: string, password: string, address: string): Promise<SignInResult> {
  const now = Date.now();
  if (addressBlocked(address, now)) {
    return { ok: false, error: "Quá nhiều lần đăng nhập sai từ máy này. Vui lòng thử lại sau 15 phút." };
  }
  if (!username.trim() || !password) return { ok: false, error: "Vui lòng nhập tên đăng nhập và mật khẩu." };
  const db = await getDb();
  const user = await db.user.findUnique({ where: { username: normalizeUsername(username) } });
  if (!user) {
    noteAddressFailure(address, now);
    return { ok: false, error: WRONG };
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > now) {
    return {
      ok: false,
      error: `Tài khoản tạm khóa do đăng nhập sai ${MAX_FAILED_ATTEMPTS} lần. Vui lòng thử lại sau ${LOCK_MINUTES} phút hoặc liên hệ quản trị viên.`,
    };
  }
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid) {
    noteAddressFailure(address, now);
    const failed = user.failedLoginCount + 1;
    const lock = failed >= MAX_FAILED_ATTEMPTS;
    await db.user.update({
      where: { id: user.id },
      data: { failedLoginCount: lock ? 0 : failed, lockedUntil: lock ? new Date(now + LOCK_MINUTES * 60_000) : null },
    });
    return lock
      ? { ok: false, error: `Tài khoản tạm khóa do đăng nhập sai ${MAX_FAILED_ATTEMPTS} lần. Vui lòng thử lại sau ${LOCK_MINUTES} phút.` }
      : { ok: false, error: WRONG };
  }
  if (!user.active) return { ok: false, error: "Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị viên." };
  if (user.failedLoginCount > 0 || user.lockedUntil) {
    await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
  }
  return { ok: true, user: { id: user.id, fullName: user.fullName, sessionVersion: user.sessionVersion } };
}

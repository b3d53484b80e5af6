// Sign-in hardening, checked: argon2id hashes; sessions that end (idle after 8 hours through
// the JWT's expiry, and 8 hours after sign-in however busy); a deactivated user, a changed or
// reset password and a change of role ending open sessions on the very next call; limits on
// failed attempts per account and per address with clear Vietnamese messages, and an address
// taken so that a client cannot choose it.
import { beforeEach, describe, expect, it } from "vitest";
import { encode, decode } from "next-auth/jwt";
import { setupTestDb } from "../support/demo-db";
import { actAs, formData } from "../support/actors";
import { DEMO_PASSWORD } from "@/server/seed/demo";
import { loadActor, setActorResolverForTests } from "@/server/auth/actor";
import { authOptions, sessionStillValid, SESSION_MAX_AGE_SECONDS } from "@/server/auth/options";
import { clientAddress, LOCK_MINUTES, MAX_ATTEMPTS_PER_ADDRESS, MAX_FAILED_ATTEMPTS, resetAddressFailuresForTests, signInWithPassword } from "@/server/auth/sign-in";
import { changePassword, signOutEverywhere } from "@/server/account/actions";
import { startSession } from "@/server/auth/sessions";
import { resetPassword, updateUser } from "@/server/admin/actions";
import { saveReport } from "@/server/reports/actions";

const t = setupTestDb();
const SECRET = "test-secret-for-jwt";

beforeEach(() => resetAddressFailuresForTests());

/** What the next request of a browser holding a session issued at `sessionVersion` sees. */
async function sessionOf(username: string) {
  const user = await t.db.user.findUniqueOrThrow({ where: { username } });
  const version = user.sessionVersion;
  return {
    user,
    /** Makes server actions run as this open session. */
    use: () => setActorResolverForTests(() => loadActor(user.id, version)),
  };
}

describe("passwords", () => {
  it("are stored as argon2id hashes, never in clear", async () => {
    const users = await t.db.user.findMany();
    for (const u of users) {
      expect(u.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(u.passwordHash).not.toContain(DEMO_PASSWORD);
    }
  });
});

describe("sessions expire", () => {
  it("are JWTs that live 8 hours; an expired token is not accepted", async () => {
    expect(authOptions.session?.strategy).toBe("jwt");
    expect(authOptions.session?.maxAge).toBe(8 * 60 * 60);
    expect(authOptions.jwt?.maxAge).toBe(SESSION_MAX_AGE_SECONDS);
    const token = { uid: "u1", sv: 0, authTime: Math.floor(Date.now() / 1000) };
    const fresh = await encode({ token, secret: SECRET, maxAge: SESSION_MAX_AGE_SECONDS });
    const decoded = await decode({ token: fresh, secret: SECRET });
    expect(decoded).toMatchObject({ uid: "u1" });
    expect(Number(decoded!.exp) - Number(decoded!.iat)).toBe(SESSION_MAX_AGE_SECONDS);
    // Issued more than 8 hours ago: jose refuses it, and next-auth treats the visitor as signed out.
    const expired = await encode({ token, secret: SECRET, maxAge: -60 });
    await expect(decode({ token: expired, secret: SECRET })).rejects.toThrow(/exp/);
    // Signed with another secret (forged): refused.
    await expect(decode({ token: fresh, secret: "another-secret" })).rejects.toThrow();
  });

  it("end 8 hours after sign-in even when the user keeps working (next-auth renews the JWT on each request)", async () => {
    const jwt = authOptions.callbacks!.jwt!;
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "taythuan.chutich" } });
    const sessionId = await startSession(user.id, SESSION_MAX_AGE_SECONDS);
    const signedIn = await jwt({ token: {}, user: { id: user.id, sessionVersion: user.sessionVersion, sessionId } as never, account: null } as never);
    expect(signedIn).toMatchObject({ uid: user.id, sv: user.sessionVersion, sid: sessionId });
    const now = Math.floor(Date.now() / 1000);
    const laterSameDay = await jwt({ token: { ...signedIn, authTime: now - SESSION_MAX_AGE_SECONDS + 60 } } as never);
    expect(laterSameDay).toMatchObject({ uid: user.id });
    const nextDay = await jwt({ token: { ...signedIn, authTime: now - SESSION_MAX_AGE_SECONDS - 1 } } as never);
    expect(nextDay).toEqual({});
    // A token from before this rule (no sign-in time) is not trusted either.
    expect(sessionStillValid({})).toBe(false);
    const session = await authOptions.callbacks!.session!({ session: { expires: "" }, token: nextDay } as never);
    expect((session as { user?: { id?: string } }).user?.id).toBeUndefined();
  });
});

describe("signing out ends the session on the server (issue 18, finding 1)", () => {
  const jwt = () => authOptions.callbacks!.jwt!;
  /** Signs in through the credentials provider as the sign-in page does; returns the cookie's token. */
  async function signInToken(username: string) {
    const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<Record<string, unknown>> } };
    const user = await provider.options.authorize({ username, password: DEMO_PASSWORD }, { headers: {} });
    return (await jwt()({ token: {}, user, account: null } as never)) as Record<string, unknown>;
  }

  it("a copy of the cookie taken before sign-out is refused after it (the JWT alone is still validly signed)", async () => {
    const token = await signInToken("hanhdung.chutich");
    const cookie = await encode({ token, secret: SECRET, maxAge: SESSION_MAX_AGE_SECONDS });
    expect(await jwt()({ token } as never)).toMatchObject({ uid: token.uid });
    // POST /api/auth/signout: next-auth decodes the cookie and calls events.signOut with it.
    await authOptions.events!.signOut!({ token: (await decode({ token: cookie, secret: SECRET }))! } as never);
    const copied = await decode({ token: cookie, secret: SECRET });
    expect(copied).toMatchObject({ uid: token.uid }); // still a valid signature...
    const ended = await jwt()({ token: copied } as never);
    expect(ended).toEqual({}); // ...but no longer a session
    // What /api/auth/session answers for it: nothing, not even the name from the old cookie.
    expect(await authOptions.callbacks!.session!({ session: { user: { name: "x" }, expires: "" }, token: ended } as never)).toEqual({});
    // Another session of the same user (another computer) is not affected by this sign-out.
    const other = await signInToken("hanhdung.chutich");
    expect(await jwt()({ token: other } as never)).toMatchObject({ uid: other.uid });
  });

  it("a token naming no server-side session (forged with the secret, or from before this change) is refused", async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "hanhdung.chutich" } });
    const now = Math.floor(Date.now() / 1000);
    expect(await jwt()({ token: { uid: user.id, sv: user.sessionVersion, authTime: now } } as never)).toEqual({});
    expect(await jwt()({ token: { uid: user.id, sv: user.sessionVersion, authTime: now, sid: "khong-ton-tai" } } as never)).toEqual({});
  });

  it("a session id cannot be moved to another user's token", async () => {
    const mine = await signInToken("hanhdung.chutich");
    const other = await t.db.user.findUniqueOrThrow({ where: { username: "admin" } });
    expect(await jwt()({ token: { ...mine, uid: other.id, sv: other.sessionVersion } } as never)).toEqual({});
  });

  it("'sign out everywhere' on the account page ends every session of that user, and only theirs", async () => {
    const a = await signInToken("taythuan.canbo");
    const b = await signInToken("taythuan.canbo");
    const someoneElse = await signInToken("taythuan.chutich");
    await actAs("taythuan.canbo");
    expect(await signOutEverywhere(null, formData({}))).toMatchObject({ ok: true, message: expect.stringMatching(/mọi thiết bị/) });
    expect(await jwt()({ token: a } as never)).toEqual({});
    expect(await jwt()({ token: b } as never)).toEqual({});
    expect(await jwt()({ token: someoneElse } as never)).toMatchObject({ uid: someoneElse.uid });
    const log = await t.db.auditLog.findFirst({ where: { entityId: String(a.uid), action: "signOutEverywhere" } });
    expect(log?.after).toMatchObject({ endedSessions: 2 });
  });
});

describe("open sessions end on the next request", () => {
  const save = () => saveReport({ year: 2025, quarter: 4, tasks: [] });

  it("when the user is deactivated", async () => {
    const session = await sessionOf("taythuan.canbo");
    session.use();
    expect(await save()).toMatchObject({ ok: true });
    await actAs("admin");
    const u = session.user;
    expect(await updateUser(null, formData({ id: u.id, fullName: u.fullName, role: u.role, orgUnitId: u.orgUnitId }))).toMatchObject({ ok: true });
    session.use();
    expect(await save()).toMatchObject({ ok: false, error: "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại." });
    // Reactivated, the old session stays ended: sign in again.
    await actAs("admin");
    await updateUser(null, formData({ id: u.id, fullName: u.fullName, role: u.role, orgUnitId: u.orgUnitId, active: "on" }));
    session.use();
    expect(await save()).toMatchObject({ ok: false });
  });

  it("when the user changes their password (other sessions included)", async () => {
    const other = await sessionOf("hanhdung.canbo");
    other.use();
    expect(await save()).toMatchObject({ ok: true });
    const changed = await changePassword(null, formData({ currentPassword: DEMO_PASSWORD, newPassword: "MatKhauMoi@2026", confirmPassword: "MatKhauMoi@2026" }));
    expect(changed).toMatchObject({ ok: true });
    expect(await save()).toMatchObject({ ok: false, error: expect.stringMatching(/đăng nhập/) });
    expect((await signInWithPassword("hanhdung.canbo", "MatKhauMoi@2026", "10.9.0.1")).ok).toBe(true);
  });

  it("when an admin resets the password", async () => {
    const session = await sessionOf("dienkhanh.canbo");
    session.use();
    expect(await save()).toMatchObject({ ok: true });
    await actAs("admin");
    expect(await resetPassword(null, formData({ id: session.user.id, password: "MatKhauMoi@2026" }))).toMatchObject({ ok: true });
    session.use();
    expect(await save()).toMatchObject({ ok: false, error: expect.stringMatching(/đăng nhập/) });
  });
});

describe("limits on failed sign-ins", () => {
  it(`per account: ${MAX_FAILED_ATTEMPTS} wrong passwords from anywhere lock it for ${LOCK_MINUTES} minutes, with a clear message`, async () => {
    const results = [];
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) results.push(await signInWithPassword("tanduc.canbo", `sai-${i}`, `10.1.0.${i}`));
    expect(results.slice(0, -1).every((r) => !r.ok && r.error === "Tên đăng nhập hoặc mật khẩu không đúng.")).toBe(true);
    expect(results.at(-1)).toEqual({ ok: false, error: `Tài khoản tạm khóa do đăng nhập sai ${MAX_FAILED_ATTEMPTS} lần. Vui lòng thử lại sau ${LOCK_MINUTES} phút hoặc liên hệ quản trị viên.` });
    const right = await signInWithPassword("tanduc.canbo", DEMO_PASSWORD, "10.1.1.1");
    expect(right).toMatchObject({ ok: false, error: expect.stringMatching(/^Tài khoản tạm khóa .* liên hệ quản trị viên\.$/) });
    const locked = await t.db.user.findUniqueOrThrow({ where: { username: "tanduc.canbo" } });
    const minutes = (locked.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(LOCK_MINUTES - 1);
    expect(minutes).toBeLessThanOrEqual(LOCK_MINUTES);
    // Once the lock has run out, the right password works and the count starts again.
    await t.db.user.update({ where: { id: locked.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await signInWithPassword("tanduc.canbo", DEMO_PASSWORD, "10.1.1.1")).ok).toBe(true);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: locked.id } })).lockedUntil).toBeNull();
  });

  it(`per address: after ${MAX_ATTEMPTS_PER_ADDRESS} failures (e.g. guessing many accounts) that address is refused, others are not`, async () => {
    for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS; i++) await signInWithPassword(`khong.co.${i}`, "sai", "203.0.113.7");
    const blocked = await signInWithPassword("tanduc.chutich", DEMO_PASSWORD, "203.0.113.7");
    expect(blocked).toEqual({ ok: false, error: "Quá nhiều lần đăng nhập sai từ máy này. Vui lòng thử lại sau 15 phút." });
    expect((await signInWithPassword("tanduc.chutich", DEMO_PASSWORD, "203.0.113.8")).ok).toBe(true);
    // No account was locked by the spray.
    expect((await t.db.user.findUniqueOrThrow({ where: { username: "tanduc.chutich" } })).lockedUntil).toBeNull();
  });

  it("a name without an account answers exactly as an account does, and is locked the same way (finding 8)", async () => {
    const existing = [];
    const unknown = [];
    for (let i = 0; i < MAX_FAILED_ATTEMPTS + 1; i++) {
      existing.push(await signInWithPassword("nghiahanh.thamdinh", `sai-${i}`, `10.2.0.${i}`));
      unknown.push(await signInWithPassword("khong.co.ai.ten.nay", `sai-${i}`, `10.3.0.${i}`));
    }
    expect(unknown).toEqual(existing);
    expect(unknown.at(-2)).toMatchObject({ error: expect.stringMatching(/^Tài khoản tạm khóa/) });
    // Name spelling variants fold to one name, as for accounts.
    expect(await signInWithPassword("Khong.Co.Ai.Ten.Nay", "x", "10.3.1.1")).toEqual(existing.at(-1));
  });

  it("a name without an account costs the same password hash check as an account (finding 8: timing)", async () => {
    const time = async (username: string) => {
      const start = performance.now();
      await signInWithPassword(username, "sai-mat-khau", "10.4.0.1");
      return performance.now() - start;
    };
    await time("warm.up"); // the decoy hash is made once
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const known: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 4; i++) {
      resetAddressFailuresForTests();
      await t.db.user.update({ where: { username: "quangngai.thamdinh" }, data: { failedLoginCount: 0, lockedUntil: null } });
      await t.db.signInLock.deleteMany({});
      known.push(await time("quangngai.thamdinh"));
      unknownTimes.push(await time(`khong.co.${i}`));
    }
    // Without the decoy check an unknown name answered in a fraction of an argon2id check.
    expect(median(unknownTimes)).toBeGreaterThan(median(known) * 0.6);
  });

  it("the address is the one the nearest proxy wrote: a client cannot pick a fresh one per attempt", () => {
    // An appending proxy: "<whatever the client sent>, <address the proxy saw>".
    expect(clientAddress("1.2.3.4, 198.51.100.9")).toBe("198.51.100.9");
    expect(clientAddress(["9.9.9.9", "198.51.100.9"])).toBe("198.51.100.9");
    expect(clientAddress("198.51.100.9")).toBe("198.51.100.9");
    expect(clientAddress(undefined)).toBe("local");
    expect(clientAddress(" , ")).toBe("local");
    expect(clientAddress("x".repeat(1000)).length).toBe(100);
  });

  it("the sign-in endpoint reports the refusal text to the sign-in page", async () => {
    const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } };
    const req = { headers: { "x-forwarded-for": "1.1.1.1, 192.0.2.50" } };
    await expect(provider.options.authorize({ username: "tanduc.chutich", password: "sai" }, req)).rejects.toThrow("Tên đăng nhập hoặc mật khẩu không đúng.");
    await expect(provider.options.authorize({ username: "tanduc.chutich", password: DEMO_PASSWORD }, req)).resolves.toMatchObject({ name: expect.any(String) });
  });
});

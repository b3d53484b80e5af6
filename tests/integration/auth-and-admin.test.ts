// Sign-in for every demo role, refusals in Vietnamese, and admin actions refused on the
// server to everyone but the admin.
import { beforeEach, describe, expect, it } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { actAs, formData } from "../support/actors";
import { DEMO_PASSWORD } from "@/server/seed/demo";
import { resetAddressFailuresForTests, signInWithPassword, MAX_FAILED_ATTEMPTS } from "@/server/auth/sign-in";
import { getActor, loadActor } from "@/server/auth/actor";
import { createOrgUnit, createResponsibleUnit, createUser, resetPassword, updateOrgUnit, updateUser } from "@/server/admin/actions";
import { changePassword } from "@/server/account/actions";

const t = setupTestDb();
beforeEach(() => resetAddressFailuresForTests());

describe("sign-in", () => {
  it("works for every demo account and every role is represented", async () => {
    const roles = new Set<string>();
    for (const account of t.seeded.accounts) {
      const result = await signInWithPassword(account.username, DEMO_PASSWORD, "10.0.0.1");
      expect(result.ok, account.username).toBe(true);
      roles.add(account.role);
    }
    expect([...roles].sort()).toEqual(["ADMIN", "CHAIRMAN", "COMMUNE_STAFF", "REVIEWER"]);
  });

  it("accepts the username typed with capitals and spaces around it", async () => {
    expect((await signInWithPassword("  TanDuc.CanBo ", DEMO_PASSWORD, "10.0.0.2")).ok).toBe(true);
  });

  it("refuses a wrong password with a Vietnamese message, the same as an unknown user", async () => {
    const wrong = await signInWithPassword("tanduc.canbo", "sai-mat-khau", "10.0.0.3");
    const unknown = await signInWithPassword("khong.ton.tai", "sai-mat-khau", "10.0.0.3");
    expect(wrong).toEqual({ ok: false, error: "Tên đăng nhập hoặc mật khẩu không đúng." });
    expect(unknown).toEqual(wrong);
  });

  it(`locks an account after ${MAX_FAILED_ATTEMPTS} failures, even for the right password`, async () => {
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await signInWithPassword("hanhdung.canbo", "sai", `10.0.1.${i}`);
    const result = await signInWithPassword("hanhdung.canbo", DEMO_PASSWORD, "10.0.2.1");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/tạm khóa/);
    await t.db.user.update({ where: { username: "hanhdung.canbo" }, data: { lockedUntil: null, failedLoginCount: 0 } });
  });

  it("refuses a deactivated user and ends their open session", async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "taythuan.canbo" } });
    expect(await loadActor(user.id, user.sessionVersion)).not.toBeNull();
    await actAs("admin");
    const result = await updateUser(
      null,
      formData({ id: user.id, fullName: user.fullName, role: user.role, orgUnitId: user.orgUnitId }), // "active" unchecked
    );
    expect(result.ok).toBe(true);
    expect(await loadActor(user.id, user.sessionVersion)).toBeNull();
    const signIn = await signInWithPassword("taythuan.canbo", DEMO_PASSWORD, "10.0.3.1");
    expect(signIn).toEqual({ ok: false, error: "Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị viên." });
  });

  it("changing one's password ends the other sessions", async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "dienkhanh.canbo" } });
    await actAs("dienkhanh.canbo");
    const mismatch = await changePassword(null, formData({ currentPassword: DEMO_PASSWORD, newPassword: "MatKhauMoi@1", confirmPassword: "khac" }));
    expect(mismatch.ok).toBe(false);
    if (!mismatch.ok) expect(mismatch.fieldErrors?.confirmPassword).toBe("Mật khẩu nhập lại không khớp.");
    const result = await changePassword(null, formData({ currentPassword: DEMO_PASSWORD, newPassword: "MatKhauMoi@1", confirmPassword: "MatKhauMoi@1" }));
    expect(result.ok).toBe(true);
    expect(await loadActor(user.id, user.sessionVersion)).toBeNull();
    expect((await signInWithPassword("dienkhanh.canbo", "MatKhauMoi@1", "10.0.4.1")).ok).toBe(true);
    expect((await signInWithPassword("dienkhanh.canbo", DEMO_PASSWORD, "10.0.4.1")).ok).toBe(false);
  });

  it("a signed-out caller has no actor", async () => {
    await actAs(null);
    expect(await getActor()).toBeNull();
    const result = await createOrgUnit(null, formData({ name: "Tỉnh Mới", level: "PROVINCE" }));
    expect(result).toMatchObject({ ok: false, error: "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại." });
  });
});

describe("administration", () => {
  const nonAdmins = ["tanduc.canbo", "tanduc.chutich", "phubinh.thamdinh", "khanhhoa.thamdinh"];

  it("every admin action is refused on the server to every other role, and nothing is written", async () => {
    const commune = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Tân Đức" } });
    const someone = await t.db.user.findUniqueOrThrow({ where: { username: "tanduc.canbo" } });
    const before = { units: await t.db.orgUnit.count(), users: await t.db.user.count(), rus: await t.db.responsibleUnit.count(), audit: await t.db.auditLog.count() };
    for (const username of nonAdmins) {
      await actAs(username);
      const calls = [
        createOrgUnit(null, formData({ name: "Tỉnh Mới", level: "PROVINCE" })),
        updateOrgUnit(null, formData({ id: commune.id, name: "Đổi tên", level: "COMMUNE", parentId: commune.parentId! })),
        createResponsibleUnit(null, formData({ communeId: commune.id, name: "Ban mới" })),
        createUser(null, formData({ username: "moi.nguoi", fullName: "Người Mới", role: "ADMIN", orgUnitId: commune.id, password: "12345678" })),
        updateUser(null, formData({ id: someone.id, fullName: "X", role: "ADMIN", orgUnitId: commune.id, active: "on" })),
        resetPassword(null, formData({ id: someone.id, password: "12345678x" })),
      ];
      for (const result of await Promise.all(calls)) {
        expect(result).toMatchObject({ ok: false, error: "Bạn không có quyền thực hiện thao tác này." });
      }
    }
    const after = { units: await t.db.orgUnit.count(), users: await t.db.user.count(), rus: await t.db.responsibleUnit.count(), audit: await t.db.auditLog.count() };
    expect(after).toEqual(before);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: someone.id } })).role).toBe("COMMUNE_STAFF");
  });

  it("the admin creates a commune under a province with no district, a unit and a user, each audited", async () => {
    await actAs("admin");
    const province = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Tỉnh Khánh Hòa" } });
    const created = await createOrgUnit(null, formData({ name: "Xã Cam Lâm", level: "COMMUNE", parentId: province.id }));
    expect(created.ok).toBe(true);
    const commune = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Cam Lâm" } });
    expect(commune.parentId).toBe(province.id);

    const ru = await createResponsibleUnit(null, formData({ communeId: commune.id, name: "Văn phòng HĐND và UBND xã" }));
    expect(ru.ok).toBe(true);
    const duplicate = await createResponsibleUnit(null, formData({ communeId: commune.id, name: "van phong HĐND va UBND xa" }));
    expect(duplicate).toMatchObject({ ok: false, error: 'Xã đã có đơn vị "Văn phòng HĐND và UBND xã".' });

    const user = await createUser(null, formData({ username: "camlam.canbo", fullName: "Nguyễn Văn A", role: "COMMUNE_STAFF", orgUnitId: commune.id, password: "MatKhau@123" }));
    expect(user.ok).toBe(true);
    expect((await signInWithPassword("camlam.canbo", "MatKhau@123", "10.0.5.1")).ok).toBe(true);
    const audit = await t.db.auditLog.findMany({ where: { entityId: { in: [commune.id, (user as { data: { id: string } }).data.id] } } });
    expect(audit.map((a) => a.action).sort()).toEqual(["create", "create"]);
    expect(JSON.stringify(audit)).not.toContain("passwordHash");
  });

  it("rejects bad input with Vietnamese messages and writes nothing", async () => {
    await actAs("admin");
    const district = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Huyện Phú Bình" } });
    const commune = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Tân Đức" } });
    const count = await t.db.orgUnit.count();
    const noName = await createOrgUnit(null, formData({ name: "   ", level: "COMMUNE", parentId: district.id }));
    expect(noName).toMatchObject({ ok: false, fieldErrors: { name: "Tên đơn vị: bắt buộc nhập." } });
    const provinceWithParent = await createOrgUnit(null, formData({ name: "Tỉnh X", level: "PROVINCE", parentId: district.id }));
    expect(provinceWithParent).toMatchObject({ ok: false, error: "Tỉnh không có đơn vị cấp trên." });
    const communeUnderCommune = await createOrgUnit(null, formData({ name: "Xã Y", level: "COMMUNE", parentId: commune.id }));
    expect(communeUnderCommune).toMatchObject({ ok: false, error: "Xã phải thuộc một huyện hoặc trực thuộc tỉnh." });
    const badLevel = await createOrgUnit(null, formData({ name: "Xã Z", level: "VILLAGE", parentId: district.id }));
    expect(badLevel).toMatchObject({ ok: false, fieldErrors: { level: "Cấp đơn vị không hợp lệ." } });
    expect(await t.db.orgUnit.count()).toBe(count);

    const users = await t.db.user.count();
    const shortPassword = await createUser(null, formData({ username: "ab", fullName: "B", role: "CHAIRMAN", orgUnitId: district.id, password: "123" }));
    expect(shortPassword.ok).toBe(false);
    if (!shortPassword.ok) {
      expect(shortPassword.fieldErrors?.password).toBe("Mật khẩu tối thiểu 8 ký tự.");
      expect(shortPassword.fieldErrors?.username).toMatch(/Tên đăng nhập 3–50 ký tự/);
    }
    const chairmanOfDistrict = await createUser(null, formData({ username: "ct.huyen", fullName: "B", role: "CHAIRMAN", orgUnitId: district.id, password: "12345678" }));
    expect(chairmanOfDistrict).toMatchObject({ ok: false, error: "Công chức và Chủ tịch phải thuộc một xã." });
    const taken = await createUser(null, formData({ username: "admin", fullName: "B", role: "ADMIN", orgUnitId: district.id, password: "12345678" }));
    expect(taken).toMatchObject({ ok: false, error: "Tên đăng nhập đã có người dùng." });
    expect(await t.db.user.count()).toBe(users);
  });
});

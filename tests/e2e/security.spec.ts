// Against the production server: a server action replayed from a foreign origin is refused
// (Next compares Origin with Host; no allowedOrigins are configured), security headers are on
// every response, and the session cookie is httpOnly and SameSite. (Secure on HTTPS: next-auth
// sets it whenever NEXTAUTH_URL is https, tests/unit/auth-cookies.test.ts.)
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./helpers";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** Submits the change-password form with a wrong current password and captures the browser's request. */
async function captureServerAction(page: Page) {
  await page.goto("/tai-khoan");
  await page.locator('input[name="currentPassword"]').fill("khong-phai-mat-khau");
  await page.locator('input[name="newPassword"]').fill("MatKhauMoi@2026");
  await page.locator('input[name="confirmPassword"]').fill("MatKhauMoi@2026");
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
    page.getByRole("button", { name: "Đổi mật khẩu" }).click(),
  ]);
  await expect(page.getByText("Mật khẩu hiện tại không đúng.").first()).toBeVisible();
  return request;
}

test("a server action posted with another site's Origin is refused; the same request from the app runs", async ({ page, baseURL }) => {
  // Often the first sign-in on a freshly started server (cold modules): allow it more than the helper's 10 s.
  test.setTimeout(120_000);
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill("tanduc.canbo");
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).not.toHaveURL(/dang-nhap/, { timeout: 60_000 });
  const request = await captureServerAction(page);
  const sent = request.headers();
  const headers: Record<string, string> = {};
  for (const name of ["next-action", "content-type", "accept", "next-router-state-tree"]) if (sent[name]) headers[name] = sent[name];
  const body = request.postDataBuffer()!;
  // page.request carries the signed-in browser's cookies, as a forged cross-site form would try to.
  const replay = (origin: string) => page.request.post(request.url(), { headers: { ...headers, origin }, data: body, maxRedirects: 0 });

  // Refused before the action runs, as a 403 with a Vietnamese reason (issue 18, finding 10).
  for (const origin of ["https://ke-gia-mao.example", `${new URL(baseURL!).origin}.evil.example`, "null", "khong-phai-dia-chi"]) {
    const forged = await replay(origin);
    expect(forged.status(), origin).toBe(403);
    const text = await forged.text();
    expect(text, origin).toContain("Yêu cầu bị từ chối");
    expect(text, origin).not.toContain("Mật khẩu hiện tại không đúng");
  }

  const sameOrigin = await replay(new URL(baseURL!).origin);
  expect(sameOrigin.status()).toBe(200);
  expect(await sameOrigin.text()).toContain("Mật khẩu hiện tại không đúng");

});

test("security headers are on pages, redirects and API responses", async ({ request }) => {
  for (const path of ["/dang-nhap", "/", "/tong-quan", "/api/minh-chung/abc", "/api/auth/session"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    const h = res.headers();
    const csp = h["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("default-src 'self'");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).toContain("form-action 'self'");
    expect(csp, path).not.toContain("unsafe-eval");
    // No inline script runs unless it carries this response's nonce.
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc, path).not.toContain("unsafe-inline");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["x-powered-by"], path).toBeUndefined();
  }
});

test("pages carry a fresh script nonce and still work with it; injected inline script does not run", async ({ page, request }) => {
  const a = (await request.get("/dang-nhap")).headers()["content-security-policy"];
  const b = (await request.get("/dang-nhap")).headers()["content-security-policy"];
  const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonceOf(a)).toBeTruthy();
  expect(nonceOf(a)).not.toBe(nonceOf(b));
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await signIn(page, "tanduc.canbo");
  await page.goto("/bao-cao?nam=2024&quy=4");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Báo cáo Quý IV năm 2024");
  expect(violations).toEqual([]);
  // What stored XSS would look like: markup with an inline handler. Blocked without 'unsafe-inline'.
  await page.evaluate(() => {
    const b = document.createElement("button");
    b.id = "xss";
    b.textContent = "x";
    b.setAttribute("onclick", "window.__injected = true");
    document.body.appendChild(b);
  });
  await page.locator("#xss").click();
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true)).toBe(false);
});

test("the session cookie is httpOnly and SameSite=Lax; the app cannot be framed", async ({ page, context }) => {
  await signIn(page, "tanduc.chutich");
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  const csrf = cookies.find((c) => c.name.endsWith("next-auth.csrf-token"));
  expect(csrf?.httpOnly).toBe(true);
  // Scripts in the page cannot read it.
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
  // A page that frames the app gets nothing: the page forbids it, and Chromium obeys.
  const res = await page.request.get(page.url());
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(res.headers()["x-frame-options"]).toBe("DENY");
  const appUrl = page.url();
  await page.setContent(`<iframe id="f" src="${appUrl}"></iframe>`);
  await expect.poll(() => page.frames().length).toBe(2);
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  await frame.waitForLoadState();
  // Blocked, the frame shows the browser's error page instead of the app's document.
  expect(frame.url()).not.toBe(appUrl);
  await expect(page.frameLocator("#f").getByRole("heading", { level: 1 })).toHaveCount(0);
});

test("a signed-out caller gets 401 from the API, in Vietnamese, without data", async ({ request }) => {
  for (const path of ["/api/minh-chung/abc", "/api/tong-quan/xlsx", "/api/so-sanh/xlsx"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(401);
    expect(await res.text(), path).toMatch(/đăng nhập/);
  }
});

// ---- Issue 18 -------------------------------------------------------------------------------

test("signing out ends the session on the server: a copy of the cookie no longer opens anything", async ({ page, context, playwright, baseURL }) => {
  await signIn(page, "taythuan.chutich");
  const copied = (await context.cookies()).filter((c) => c.name.includes("next-auth"));
  const cookieHeader = copied.map((c) => `${c.name}=${c.value}`).join("; ");
  const other = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: cookieHeader } });
  expect((await (await other.get("/api/auth/session")).json()).user).toBeDefined();

  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/dang-nhap/);

  expect(await (await other.get("/api/auth/session")).json()).toEqual({});
  const report = await other.get("/tong-quan", { maxRedirects: 0 });
  expect(report.status()).toBe(307);
  expect(report.headers()["location"]).toContain("/dang-nhap");
  expect((await other.get("/api/tong-quan/xlsx")).status()).toBe(401);
  await other.dispose();
});

test("'sign out everywhere' on the account page ends the user's other sessions", async ({ browser }) => {
  const a = await browser.newPage();
  const b = await browser.newPage({ storageState: undefined });
  await signIn(a, "huyenmau.thamdinh");
  const bContext = await browser.newContext();
  const bPage = await bContext.newPage();
  await signIn(bPage, "huyenmau.thamdinh");
  await a.goto("/tai-khoan");
  await a.getByRole("button", { name: "Đăng xuất mọi thiết bị" }).click();
  await expect(a.getByText("Đã đăng xuất khỏi mọi thiết bị. Vui lòng đăng nhập lại.")).toBeVisible();
  await bPage.goto("/xet-duyet");
  await expect(bPage).toHaveURL(/dang-nhap/);
  await a.screenshot({ path: "tests/e2e/screenshots/account-sign-out-everywhere.png", fullPage: true });
  await Promise.all([a.close(), b.close(), bContext.close()]);
});

test("every HTML response carries the nonce policy: prefetches and the 404 page too", async ({ request }) => {
  const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  const prefetch = await request.get("/dang-nhap", { headers: { Purpose: "prefetch", "Next-Router-Prefetch": "1" } });
  expect(nonceOf(prefetch.headers()["content-security-policy"])).toBeTruthy();
  for (const path of ["/khong-co-trang-nay", "/khong/co/trang/nay"]) {
    const missing = await request.get(path, { headers: { Accept: "text/html" } });
    expect(missing.status(), path).toBe(404);
    const csp = missing.headers()["content-security-policy"];
    const nonce = nonceOf(csp);
    expect(nonce, path).toBeTruthy();
    // Every inline script of the page carries that nonce.
    const html = await missing.text();
    const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
    for (const attrs of scripts) expect(attrs, path).toContain(`nonce="${nonce}"`);
  }
});

test("evidence downloads keep their own sandbox policy; uploads over the limit get the Vietnamese message", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, "hanhdung.canbo");
  await page.goto("/bao-cao?nam=2025&quy=3");
  // A row's panel renders its evidence forms once opened (issue 21): open the first row's, once.
  const target = page.locator("tr[data-row]").filter({ hasText: /Minh chứng/ }).first();
  await target.getByText(/Minh chứng/).first().click();
  await expect(target.getByRole("button", { name: "Tải lên" })).toBeVisible();
  await target.locator('input[type="file"]').setInputFiles({ name: "bien-ban.pdf", mimeType: "application/pdf", buffer: PDF });
  await target.getByRole("button", { name: "Tải lên" }).click();
  const link = target.getByRole("link", { name: /bien-ban\.pdf/ });
  await expect(link).toBeVisible();
  const download = await page.request.get((await link.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");

  // 10.5 MB: over the 10 MB upload limit but within the body limit, so the action's own check answers.
  const bigPath = testInfo.outputPath("qua-lon.pdf");
  fs.writeFileSync(bigPath, Buffer.concat([PDF, Buffer.alloc(10.5 * 1024 * 1024, 0x20)]));
  await target.locator('input[type="file"]').setInputFiles(bigPath);
  await target.getByRole("button", { name: "Tải lên" }).click();
  await expect(target.getByText("Tệp quá lớn: tối đa 10 MB.")).toBeVisible();

  // Far over the limit: refused before anything reads the body, 413 with the same message.
  const huge = await page.request.post("/bao-cao?nam=2025&quy=3", {
    headers: { "next-action": "0".repeat(42), origin: new URL(baseURL!).origin, "content-type": "application/octet-stream" },
    data: Buffer.alloc(12 * 1024 * 1024, 0x20),
  });
  expect(huge.status()).toBe(413);
  expect(await huge.text()).toBe("Tệp quá lớn: tối đa 10 MB.");
});

// Against the production server: a server action replayed from a foreign origin is refused
// (Next compares Origin with Host; no allowedOrigins are configured), security headers are on
// every response, and the session cookie is httpOnly and SameSite. (Secure on HTTPS: next-auth
// sets it whenever NEXTAUTH_URL is https, tests/unit/auth-cookies.test.ts.)
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

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
  await signIn(page, "tanduc.canbo");
  const request = await captureServerAction(page);
  const sent = request.headers();
  const headers: Record<string, string> = {};
  for (const name of ["next-action", "content-type", "accept", "next-router-state-tree"]) if (sent[name]) headers[name] = sent[name];
  const body = request.postDataBuffer()!;
  // page.request carries the signed-in browser's cookies, as a forged cross-site form would try to.
  const replay = (origin: string) => page.request.post(request.url(), { headers: { ...headers, origin }, data: body, maxRedirects: 0 });

  const forged = await replay("https://ke-gia-mao.example");
  expect(forged.status()).toBe(500);
  expect(await forged.text()).not.toContain("Mật khẩu hiện tại không đúng");

  const sameOrigin = await replay(new URL(baseURL!).origin);
  expect(sameOrigin.status()).toBe(200);
  expect(await sameOrigin.text()).toContain("Mật khẩu hiện tại không đúng");

  // Also refused: the "null" origin of a sandboxed frame or a file.
  expect((await replay("null")).status()).toBe(500);
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
  // A page that frames the app gets nothing: frame-ancestors 'none' blocks it.
  await page.setContent(`<iframe id="f" src="${page.url()}"></iframe>`);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  const framedText = await frame?.evaluate(() => document.body?.innerText ?? "").catch(() => "");
  expect(framedText ?? "").not.toContain("Tổng quan");
});

test("a signed-out caller gets 401 from the API, in Vietnamese, without data", async ({ request }) => {
  for (const path of ["/api/minh-chung/abc", "/api/tong-quan/xlsx", "/api/so-sanh/xlsx"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(401);
    expect(await res.text(), path).toMatch(/đăng nhập/);
  }
});

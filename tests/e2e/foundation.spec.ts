import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

test("a signed-out visitor is sent to the sign-in page", async ({ page }) => {
  for (const path of ["/", "/ke-hoach", "/quan-tri", "/xet-duyet", "/tong-quan"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/dang-nhap/);
  }
  await expect(page.getByRole("heading", { name: "Đăng nhập hệ thống" })).toBeVisible();
  await page.screenshot(shot("sign-in"));
});

test("a wrong password gets a Vietnamese message", async ({ page }) => {
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill("tanduc.canbo");
  await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Tên đăng nhập hoặc mật khẩu không đúng." })).toBeVisible();
  await expect(page).toHaveURL(/dang-nhap/);
});

const landings = [
  { username: "dienkhanh.canbo", role: "staff", url: /\/viec-can-lam/, heading: /Việc cần làm/, menu: ["Việc cần làm", "Tổng quan", "Kế hoạch"] },
  { username: "taythuan.chutich", role: "chairman", url: /\/viec-can-lam/, heading: /Việc cần làm/, menu: ["Việc cần làm", "Tổng quan", "Kế hoạch"] },
  { username: "khanhhoa.thamdinh", role: "reviewer", url: /\/xet-duyet/, heading: /Các xã thuộc đơn vị/, menu: ["Các xã", "Kế hoạch các xã"] },
  { username: "admin", role: "admin", url: /\/quan-tri/, heading: /Đơn vị hành chính/, menu: ["Đơn vị hành chính", "Người dùng"] },
];

for (const l of landings) {
  test(`${l.role} lands on their home page in Vietnamese`, async ({ page }) => {
    await signIn(page, l.username);
    await expect(page).toHaveURL(l.url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(l.heading);
    const nav = page.getByRole("navigation", { name: "Menu chính" });
    for (const item of l.menu) await expect(nav.getByRole("link", { name: item, exact: true })).toBeVisible();
    if (l.role !== "admin") await expect(nav.getByRole("link", { name: "Người dùng" })).toHaveCount(0);
    await page.screenshot(shot(`landing-${l.role}`));
  });
}

test("a commune sees its plan read-only, as the document has it", async ({ page }) => {
  await signIn(page, "hanhdung.canbo");
  await page.getByRole("navigation", { name: "Menu chính" }).getByRole("link", { name: "Kế hoạch", exact: true }).click();
  await page.getByRole("link", { name: /kiểm soát thủ tục hành chính năm 2025/i }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("kiểm soát thủ tục hành chính");
  await expect(page.getByText("48/QĐ-UBND")).toBeVisible();
  await expect(page.getByText("03/03/2025")).toBeVisible();
  const indicators = page.getByRole("table").filter({ has: page.getByText("Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận") });
  await expect(indicators.getByRole("row", { name: /Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận/ })).toContainText("Tối thiểu 60");
  await page.screenshot(shot("plan-hanh-dung"));
});

test("a commune user cannot open another commune's plan", async ({ page, browser }) => {
  await signIn(page, "tanduc.canbo");
  await page.goto("/ke-hoach");
  const href = await page.getByRole("link", { name: /Chỉ số cải cách hành chính/i }).first().getAttribute("href");
  const other = await browser.newPage();
  await signIn(other, "hanhdung.canbo");
  await other.goto(href!);
  await expect(other.getByRole("alert").filter({ hasText: "Không có quyền truy cập" })).toBeVisible();
  await other.close();
});

test("admin pages are refused to a non-admin", async ({ page }) => {
  await signIn(page, "phubinh.thamdinh");
  await page.goto("/quan-tri/nguoi-dung");
  await expect(page.getByRole("alert").filter({ hasText: "Không có quyền truy cập" })).toBeVisible();
  await expect(page.getByText("Tạo người dùng")).toHaveCount(0);
});

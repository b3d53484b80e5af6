import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo@2025";

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).not.toHaveURL(/dang-nhap/);
}

export function shot(name: string) {
  return { path: `tests/e2e/screenshots/${name}.png`, fullPage: true };
}

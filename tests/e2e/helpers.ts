import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo@2025";

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  // Room for a slow password check (argon2id) on a loaded shared machine; a condition, not a sleep.
  await expect(page).not.toHaveURL(/dang-nhap/, { timeout: 60_000 });
}

/** No serious or critical accessibility violation on the page as it is now (axe-core). */
export async function noSeriousAxe(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
}

export function shot(name: string) {
  return { path: `tests/e2e/screenshots/${name}.png`, fullPage: true };
}

/** Issue 17: a report goes up only when every red row has its cause and remedy; fill them all, then save. */
export async function explainRedRows(page: Page) {
  await page.getByLabel("Lọc các dòng").selectOption("red");
  const causes = page.getByLabel("Nguyên nhân", { exact: true });
  const count = await causes.count();
  // Only rows still without a reason: on a resubmission most already have one, and "Lưu" stays
  // disabled when nothing changed.
  let filled = 0;
  for (let i = 0; i < count; i++) {
    if ((await causes.nth(i).inputValue()) && (await page.getByLabel("Giải pháp khắc phục").nth(i).inputValue())) continue;
    await causes.nth(i).fill("Nguyên nhân (kiểm thử)");
    await page.getByLabel("Giải pháp khắc phục").nth(i).fill("Giải pháp (kiểm thử)");
    filled++;
  }
  if (filled) {
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.locator("[data-report-form] [role=status]").filter({ hasText: "Đã lưu" })).toBeVisible();
  }
  await page.getByLabel("Lọc các dòng").selectOption("");
}

/**
 * The report went up: the page, refreshed into its read-only view after the submission (where
 * the form's own message is gone), lists it as the newest step of its history.
 */
export async function expectSubmitted(page: Page) {
  const history = page.getByRole("region", { name: "Lịch sử nộp và xét duyệt" });
  await expect(history.getByRole("listitem").first()).toContainText(/^Nộp – .*→ Đã nộp\)/, { timeout: 30_000 });
}

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

/**
 * Issue 17: a report goes up only when every red row has its cause and remedy; fill them all,
 * then save. The report shows one part at a time (issue 21): the "red" filter leaves the parts
 * holding red rows, opened one after the other; what is typed in each is saved by one "Lưu".
 */
export async function explainRedRows(page: Page, { cause = "Nguyên nhân (kiểm thử)", remedy = "Giải pháp (kiểm thử)" } = {}) {
  await page.getByLabel("Lọc các dòng").selectOption("red");
  const parts = page.locator("[data-report-form] a[data-part]");
  const partCount = await parts.count();
  let filled = 0;
  for (let p = 0; p < partCount; p++) {
    const heading = parts.nth(p);
    if ((await heading.getAttribute("aria-expanded")) !== "true") await heading.click();
    const part = page.locator(`[id="phan-${await heading.getAttribute("data-part")}"]`);
    await expect(part.locator("tr[data-row]").first()).toBeVisible();
    const causes = part.getByLabel("Nguyên nhân", { exact: true });
    const count = await causes.count();
    // Only rows still without a reason: on a resubmission most already have one, and "Lưu" stays
    // disabled when nothing changed.
    for (let i = 0; i < count; i++) {
      if ((await causes.nth(i).inputValue()) && (await part.getByLabel("Giải pháp khắc phục").nth(i).inputValue())) continue;
      await causes.nth(i).fill(cause);
      await part.getByLabel("Giải pháp khắc phục").nth(i).fill(remedy);
      filled++;
    }
  }
  if (filled) {
    await page.getByRole("button", { name: "Lưu" }).click();
    // Saved, not only a message from an earlier save still on screen.
    await expect(page.getByText("Không có thay đổi chưa lưu")).toBeVisible();
    await expect(page.locator("[data-report-form] [role=status]").filter({ hasText: "Đã lưu" })).toBeVisible();
  }
  await page.getByLabel("Lọc các dòng").selectOption("");
  return filled;
}

/**
 * A row of the report, wherever it is: the report shows one part at a time (issue 21), so the
 * row is found the way a clerk would, with the finder (which opens the part it is in); the
 * search is then cleared, the part staying open.
 */
export async function findRow(page: Page, text: string) {
  const search = page.getByRole("searchbox", { name: "Tìm chỉ tiêu, nhiệm vụ" });
  await search.fill(text);
  const row = page.locator("tr[data-row]").filter({ hasText: text }).first();
  await expect(row).toBeVisible();
  await search.fill("");
  await expect(row).toBeVisible();
  return row;
}

/**
 * The report went up: the page, refreshed into its read-only view after the submission (where
 * the form's own message is gone), lists it as the newest step of its history.
 */
export async function expectSubmitted(page: Page) {
  const history = page.getByRole("region", { name: "Lịch sử nộp và xét duyệt" });
  await expect(history.getByRole("listitem").first()).toContainText(/^Nộp – .*→ Đã nộp\)/, { timeout: 30_000 });
}

// Issue 21: a report row's "Minh chứng · Lịch sử" panel is rendered (and its code loaded) only
// when opened. Opened, it offers what it did before: the evidence, the upload and the written
// reference, and the row's history loaded from the server; on a desk monitor and on a phone.
import { expect, test, type Page } from "@playwright/test";
import { noSeriousAxe, signIn } from "./helpers";

const URL = "/bao-cao?nam=2025&quy=3";

/** Saves a figure on the first ratio row (so it has a history), then opens that row's panel. */
async function openSavedRowPanel(page: Page, numerator: string) {
  await signIn(page, "hanhdung.canbo");
  await page.goto(URL);
  // Closed panels carry no forms: the page is lighter by every row's upload and reference forms.
  await expect(page.locator("[data-report-form] tbody input").first()).toBeVisible();
  expect(await page.locator('[data-report-form] input[type="file"]').count()).toBe(0);
  const row = page.locator("tr[data-row]").filter({ has: page.getByLabel("Tử số") }).first();
  await row.getByLabel("Tử số").fill(numerator);
  await row.getByLabel("Mẫu số").fill("40");
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu 1 dòng" })).toBeVisible();
  await row.getByText(/Minh chứng \(\d+\) · Lịch sử/).click();
  await expect(row.locator('input[type="file"]')).toHaveCount(1);
  await expect(row.getByRole("button", { name: "Tải lên" })).toBeVisible();
  await expect(row.getByText("Hoặc ghi văn bản minh chứng")).toBeVisible();
  await expect(row.getByText(/^Lưu gần nhất: /)).toBeVisible();
  await row.getByRole("button", { name: "Xem lịch sử thay đổi" }).click();
  await expect(row.getByText("Lịch sử thay đổi", { exact: true })).toBeVisible();
  return row;
}

test("desk monitor (1366 px): a row's panel opens with its evidence forms and history", async ({ page }) => {
  const row = await openSavedRowPanel(page, "31");
  await row.scrollIntoViewIfNeeded();
  await noSeriousAxe(page);
  await page.screenshot({ path: "tests/e2e/screenshots/report-panel-open-1366.png" });
  // Closed again and reopened: the panel keeps its state (the loaded history stays).
  await row.getByText(/Minh chứng \(\d+\)/).click();
  await row.getByText(/Minh chứng \(\d+\)/).click();
  await expect(row.getByText("Lịch sử thay đổi", { exact: true })).toBeVisible();
});

test.describe("on a phone (390×844)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a row's panel opens in its card without sideways scrolling", async ({ page }) => {
    const row = await openSavedRowPanel(page, "32");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "tests/e2e/screenshots/report-panel-open-390.png" });
  });
});

test("entry view at first load (1366 and 390 px)", async ({ page }) => {
  await signIn(page, "hanhdung.canbo");
  await page.goto(URL);
  await expect(page.locator("[data-report-form] tbody input").first()).toBeVisible();
  await page.screenshot({ path: "tests/e2e/screenshots/report-entry-1366.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "tests/e2e/screenshots/report-entry-390.png" });
});

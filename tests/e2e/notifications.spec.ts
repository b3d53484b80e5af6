// Issue 16: the reviewer sees who has reported and reminds a late commune; the clerk sees the
// bell, reads the reminder and opens the report from it. Axe and screenshots at 1366 and 390.
import { expect, test, type Page } from "@playwright/test";
import { shot, signIn, noSeriousAxe } from "./helpers";

async function bothWidths(page: Page, name: string) {
  await noSeriousAxe(page);
  await page.screenshot(shot(`${name}-1366`));
  await page.setViewportSize({ width: 390, height: 844 });
  await noSeriousAxe(page);
  await page.screenshot(shot(`${name}-390`));
  await page.setViewportSize({ width: 1366, height: 768 });
}

const MESSAGE = "Đề nghị xã nộp báo cáo Quý III trước ngày 30/11.";

test("the reviewer reminds a late commune; the clerk sees the bell, the reminder, and opens the report", async ({ page, browser }) => {
  test.setTimeout(180_000); // two users, four pages, each checked with axe at two widths
  await signIn(page, "nghiahanh.thamdinh");
  await page.getByRole("navigation", { name: "Menu chính" }).getByRole("link", { name: "Nộp báo cáo" }).click();
  await page.goto("/xet-duyet/nop-bao-cao?nam=2025&quy=3");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tình hình nộp báo cáo Quý III/2025");
  const row = page.getByTestId("commune-Xã Hành Dũng");
  await expect(row.getByRole("cell").last()).toContainText("Quá hạn, chưa nộp");
  await expect(page.getByRole("heading", { name: "Xu hướng theo quý" })).toBeVisible();
  await bothWidths(page, "completeness-board");

  await page.getByLabel("Nhắc xã", { exact: true }).selectOption({ label: "Xã Hành Dũng" });
  await page.getByLabel("Lời nhắn (không bắt buộc)").fill(MESSAGE);
  await page.getByRole("button", { name: "Gửi lời nhắc" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã gửi lời nhắc.");

  // The calendar page says where each date comes from.
  await page.goto("/xet-duyet/lich?nam=2025");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lịch báo cáo quý năm 2025");
  await expect(page.getByRole("row", { name: /Quý III\/2025/ })).toContainText("20/09/2025");
  await bothWidths(page, "reporting-calendar");

  const clerkContext = await browser.newContext({ locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh", viewport: { width: 1366, height: 768 } });
  const clerk = await clerkContext.newPage();
  await signIn(clerk, "hanhdung.canbo");
  await expect(clerk).toHaveURL(/\/viec-can-lam/);
  await expect(clerk.getByRole("heading", { level: 1 })).toHaveText("Việc cần làm");
  await expect(clerk.getByRole("region", { name: "Báo cáo quá hạn chưa nộp" })).toContainText("Báo cáo Quý III/2025");
  const count = Number(await clerk.getByTestId("bell-count").innerText());
  expect(count).toBeGreaterThanOrEqual(1);
  await expect(clerk.getByTestId("bell")).toHaveAccessibleName(`Thông báo: ${count} chưa đọc`);
  await bothWidths(clerk, "viec-can-lam");

  await clerk.getByTestId("bell").click();
  await expect(clerk).toHaveURL(/\/thong-bao/);
  const reminder = clerk.getByRole("listitem").filter({ hasText: MESSAGE });
  await expect(reminder).toContainText("Nhắc nộp báo cáo Quý III/2025 (hạn 20/09/2025)");
  await expect(reminder).toContainText("Mới");
  await bothWidths(clerk, "thong-bao");

  await reminder.getByRole("button", { name: /Nhắc nộp báo cáo Quý III\/2025/ }).click();
  await expect(clerk).toHaveURL(/\/bao-cao\?nam=2025&quy=3/);
  await expect(clerk.getByRole("heading", { level: 1 })).toHaveText("Báo cáo Quý III năm 2025");
  // Read now: one fewer on the bell.
  if (count > 1) await expect(clerk.getByTestId("bell-count")).toHaveText(String(count - 1));
  else await expect(clerk.getByTestId("bell-count")).toHaveCount(0);
  await clerkContext.close();
});

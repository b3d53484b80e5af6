// Issue 17: data entry a commune clerk prefers to Excel: on a phone, nothing typed lost,
// conflicts resolved row by row, reasons for every red row before submitting.
import { expect, test, type Page } from "@playwright/test";
import { explainRedRows, shot, signIn, noSeriousAxe, expectSubmitted } from "./helpers";

const URL = "/bao-cao?nam=2025&quy=4";

test.describe("on a phone (390×844)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a clerk finds a row by searching without diacritics, enters a ratio in its card, saves", async ({ page }) => {
    await signIn(page, "hanhdung.canbo");
    await page.goto(URL);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Quý IV năm 2025");
    // No sideways scrolling: the page is no wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await noSeriousAxe(page);

    await page.getByRole("searchbox", { name: "Tìm chỉ tiêu, nhiệm vụ" }).fill("ho so truc tuyen");
    const card = page.locator("tr[data-row]").filter({ hasText: /hồ sơ trực tuyến/i }).first();
    await expect(card).toBeVisible();
    await expect(page.getByText(/Hiện \d+\/\d+ dòng/)).toBeVisible();
    const numerator = card.getByLabel("Tử số");
    await expect(numerator).toHaveAttribute("inputmode", "numeric");
    // The card's input is full width: most of the phone, not 21 px.
    expect((await numerator.boundingBox())!.width).toBeGreaterThan(250);

    // Text in a number field is an error at the field, and no status is shown from it.
    await numerator.fill("abc");
    await card.getByLabel("Mẫu số").fill("40");
    await expect(card.getByText("Không phải là số. Nhập chữ số, ví dụ 1234 hoặc 12,5.")).toBeVisible();
    await expect(card.getByText("Chưa đánh giá: có ô chưa hợp lệ.")).toBeVisible();
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.locator("[data-report-form] [role=alert]")).toContainText("1 ô chưa hợp lệ");
    await expect(numerator).toBeFocused();
    await page.screenshot(shot("entry-phone-invalid"));

    await numerator.fill("36");
    await expect(card.getByText("Tỷ lệ quý:")).toContainText("90%");
    await page.keyboard.press("Control+s");
    await expect(page.getByRole("status").filter({ hasText: "Đã lưu 1 dòng" })).toBeVisible();
    await expect(page.getByText("Không có thay đổi chưa lưu")).toBeInViewport();
    await page.screenshot(shot("entry-phone-saved"));
    await page.reload();
    await page.getByRole("searchbox", { name: "Tìm chỉ tiêu, nhiệm vụ" }).fill("ho so truc tuyen");
    await expect(page.locator("tr[data-row]").filter({ hasText: /hồ sơ trực tuyến/i }).first().getByLabel("Tử số")).toHaveValue("36");
  });
});

test("at 1366×768 two sessions conflict on a row and resolve it row by row; the other rows are saved", async ({ page, browser }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, "hanhdung.canbo");
  await page.goto(URL);
  const chairman = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await signIn(chairman, "hanhdung.chutich");
  await chairman.goto(URL);

  const ratioRows = (p: Page) => p.locator("tr[data-row]").filter({ has: p.getByLabel("Tử số") });
  const a = (p: Page) => ratioRows(p).nth(1);
  const b = (p: Page) => ratioRows(p).nth(2);
  await a(chairman).getByLabel("Tử số").fill("5");
  await a(chairman).getByLabel("Mẫu số").fill("10");
  await chairman.getByRole("button", { name: "Lưu" }).click();
  await expect(chairman.getByRole("status").filter({ hasText: "Đã lưu 1 dòng" })).toBeVisible();

  await a(page).getByLabel("Tử số").fill("9");
  await a(page).getByLabel("Mẫu số").fill("10");
  await b(page).getByLabel("Tử số").fill("7");
  await b(page).getByLabel("Mẫu số").fill("10");
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.locator("[data-report-form] [role=alert]")).toContainText("Đã lưu 1 dòng");
  await expect(page.locator("[data-report-form] [role=alert]")).toContainText("1 dòng chưa lưu vì người khác đã sửa");
  const conflict = a(page).getByRole("group", { name: /Xung đột/ });
  await expect(conflict).toContainText("Của bạn:9/10");
  await expect(conflict).toContainText("Của họ:5/10");
  // Who saved theirs: the seeded Hành Dũng chairman (a fictitious name marked as demo).
  await expect(conflict).toContainText("Trần Thị Thử (dữ liệu mẫu)");
  // Nothing typed was thrown away.
  await expect(a(page).getByLabel("Tử số")).toHaveValue("9");
  await page.screenshot(shot("entry-conflict"));
  await noSeriousAxe(page);

  await conflict.getByRole("button", { name: "Giữ của tôi" }).click();
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu 1 dòng" })).toBeVisible();
  await chairman.reload();
  await expect(a(chairman).getByLabel("Tử số")).toHaveValue("9");
  await expect(b(chairman).getByLabel("Tử số")).toHaveValue("7");
  await chairman.close();
});

test("the chairman cannot submit with a red row lacking a reason; adds the reasons and submits", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, "hanhdung.chutich");
  await page.goto(URL);
  page.on("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Nộp báo cáo" }).click();
  await expect(page.locator("[data-report-form] [role=alert]")).toContainText("chưa có giải trình (nguyên nhân và giải pháp khắc phục)");
  await page.screenshot(shot("entry-submit-refused"));

  // The parts' headings say where the reasons are missing, open or not (issue 21).
  await expect(page.locator("[data-report-form] a[data-part]").filter({ hasText: "thiếu nguyên nhân, giải pháp" }).first()).toBeVisible();
  // The red rows of every part, each part opened in turn, all saved by one "Lưu".
  expect(await explainRedRows(page, { cause: "Thiếu nhân lực tiếp nhận hồ sơ trực tuyến", remedy: "Tập huấn công chức một cửa trong tháng 12" })).toBeGreaterThan(0);
  await expect(page.locator("[data-report-form] a[data-part]").filter({ hasText: "thiếu nguyên nhân, giải pháp" })).toHaveCount(0);
  await page.getByRole("button", { name: "Nộp báo cáo" }).click();
  await expectSubmitted(page);
  await page.reload();
  // The submitted report reads as text, not as disabled inputs.
  await page.getByLabel("Lọc các dòng").selectOption("red");
  await expect(page.getByText("Thiếu nhân lực tiếp nhận hồ sơ trực tuyến").first()).toBeVisible();
  await page.getByLabel("Lọc các dòng").selectOption("");
  await expect(page.locator("input[disabled], textarea[disabled]")).toHaveCount(0);
  await page.screenshot(shot("entry-submitted"));
});

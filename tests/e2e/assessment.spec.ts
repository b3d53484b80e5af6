// PAR Index self-assessment, the whole journey in the browser: the clerk self-scores with
// evidence, the chairman submits, the province appraises one sub-criterion lower, the commune
// explains, the province accepts and finalizes, and the ranking shows the commune.
import { expect, test, type Page } from "@playwright/test";
import { shot, signIn, noSeriousAxe } from "./helpers";

test.describe.configure({ mode: "serial" });
// The shared machine is slow at times (password hashing under load): wait for conditions longer, never sleep.
test.setTimeout(180_000);

async function openHanhDung(page: Page, username: string) {
  await signIn(page, username);
  await page.getByRole("navigation", { name: "Menu chính" }).getByRole("link", { name: "Chấm điểm CCHC" }).click();
  // The first render of a page on the shared machine can take longer than the default wait.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chấm điểm Chỉ số CCHC", { timeout: 60_000 });
  const row = page.getByRole("row").filter({ hasText: "2025" }).filter({ hasText: username.startsWith("hanhdung") ? "" : "Xã Hành Dũng" });
  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Xã Hành Dũng", { timeout: 60_000 });
}

const sub = (page: Page, code: string) => page.locator(`[data-code="${code}"]`);

test("the clerk self-scores with evidence", async ({ page }) => {
  await openHanhDung(page, "hanhdung.canbo");
  await expect(page.getByText("không phải bộ tiêu chí chính thức").first()).toBeVisible({ timeout: 30_000 });
  const online = sub(page, "VII.1.1");
  // The app's own year-to-date figure and the score its rule proposes.
  await expect(online.getByText(/Số liệu của xã trong ứng dụng/)).toBeVisible({ timeout: 30_000 });
  await online.getByLabel("Tự chấm").fill("4");
  const digitised = sub(page, "III.4.2");
  await digitised.getByLabel("Tự chấm").fill("2");
  await expect(digitised.getByText("Chỉ chấm theo bước 0,5 điểm.").or(digitised.getByText(/Điểm tối đa/))).toHaveCount(0);
  await digitised.getByLabel("Tự chấm").fill("1,5");
  await digitised.getByLabel(/Giải trình khi chưa có tài liệu kiểm chứng/).fill("Số liệu số hóa lưu tại Bộ phận Một cửa.");
  const before = await page.getByTestId("self-total").textContent();
  await page.getByRole("button", { name: "Lưu điểm tự chấm" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu điểm tự chấm." })).toBeVisible({ timeout: 30_000 });
  expect(before).toBeTruthy();

  await sub(page, "VII.1.1").getByText("Thêm tài liệu kiểm chứng").click();
  await sub(page, "VII.1.1").getByLabel("Văn bản: số, ký hiệu").fill("Số: 15/BC-UBND");
  await sub(page, "VII.1.1").getByLabel("Trích yếu").fill("Báo cáo tỷ lệ hồ sơ trực tuyến năm 2025");
  await sub(page, "VII.1.1").getByRole("button", { name: "Thêm văn bản" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã gắn tài liệu kiểm chứng." })).toBeVisible({ timeout: 30_000 });
  await expect(sub(page, "VII.1.1").getByText("15/BC-UBND – Báo cáo tỷ lệ hồ sơ trực tuyến năm 2025")).toBeVisible({ timeout: 30_000 });
  await expect(sub(page, "VII.1.1").getByLabel("Tự chấm")).toHaveValue("4");
  await noSeriousAxe(page);
  await page.screenshot(shot("assessment-self-1366"));
  await page.setViewportSize({ width: 390, height: 844 });
  await sub(page, "VII.1.1").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tests/e2e/screenshots/assessment-self-390.png" });
});

test("the chairman submits", async ({ page }) => {
  await openHanhDung(page, "hanhdung.chutich");
  page.on("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Nộp bản tự chấm" }).click();
  // The page moves to the next stage (the form restarts read-only) and the answer to the step stays.
  await expect(page.getByText("Đã nộp, chờ thẩm định").first()).toBeVisible({ timeout: 30_000 });
  await expect(sub(page, "VII.1.1").getByLabel("Tự chấm")).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Đã nộp bản tự chấm cho tỉnh thẩm định." })).toBeVisible();
});

test("the province appraises one sub-criterion lower and sends the appraisal", async ({ page }) => {
  await openHanhDung(page, "quangngai.thamdinh");
  await sub(page, "VII.1.1").getByLabel("Thẩm định", { exact: true }).fill("2");
  await sub(page, "VII.1.1").getByLabel("Nhận xét thẩm định").fill("Tỷ lệ hồ sơ trực tuyến cả năm chỉ đạt 58%.");
  await sub(page, "VIII.1.1").getByLabel("Thẩm định", { exact: true }).fill("5");
  await sub(page, "VIII.1.2").getByLabel("Thẩm định", { exact: true }).fill("4");
  await page.getByRole("button", { name: "Lưu điểm thẩm định" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu điểm thẩm định." })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel("Hạn giải trình").fill("2099-12-31");
  await page.getByRole("button", { name: "Gửi kết quả thẩm định cho xã" }).click();
  await expect(page.getByText("Hạn giải trình: 31/12/2099")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: "Đã gửi kết quả thẩm định cho xã." })).toBeVisible({ timeout: 30_000 });
});

test("the commune explains", async ({ page }) => {
  await openHanhDung(page, "hanhdung.chutich");
  await expect(page.getByText("Hạn giải trình: 31/12/2099")).toBeVisible({ timeout: 30_000 });
  await sub(page, "VII.1.1").getByLabel("Giải trình của xã").fill("Số liệu quý IV đưa tỷ lệ cả năm lên 72%, có báo cáo 15/BC-UBND.");
  await page.getByRole("button", { name: "Gửi giải trình cho tỉnh" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã gửi giải trình cho tỉnh." })).toBeVisible({ timeout: 30_000 });
});

test("the province accepts, finalizes, and the ranking shows the commune", async ({ page }) => {
  await openHanhDung(page, "quangngai.thamdinh");
  await sub(page, "VII.1.1").getByLabel("Quyết định").selectOption("ACCEPTED");
  await page.getByRole("button", { name: "Lưu quyết định" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu quyết định." })).toBeVisible({ timeout: 30_000 });
  page.on("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Chốt điểm chính thức" }).click();
  await expect(page.getByText("Điểm chính thức").first()).toBeVisible({ timeout: 30_000 });
  await expect(sub(page, "VII.1.1").getByText("Chính thức")).toBeVisible({ timeout: 30_000 });
  // The finalize form is gone with the stage; its answer stays.
  await expect(page.getByRole("status").filter({ hasText: "Đã chốt và công bố điểm chính thức." })).toBeVisible();
  await page.getByRole("link", { name: "Xếp hạng" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kết quả Chỉ số CCHC năm 2025");
  const ranking = page.getByRole("table").first();
  await expect(ranking.getByRole("row").filter({ hasText: "Xã Hành Dũng" })).toContainText("1");
  await noSeriousAxe(page);
  await page.screenshot(shot("assessment-results-1366"));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot(shot("assessment-results-390"));
});

test("the province renames a band and the ranking uses it", async ({ page }) => {
  await signIn(page, "quangngai.thamdinh");
  await page.goto("/cham-diem");
  await page.getByRole("row").filter({ hasText: "Xã Hành Dũng" }).getByRole("link").first().click();
  await page.getByRole("link", { name: "Xếp hạng" }).click();
  await page.getByText("Sửa các mức xếp loại").click();
  const first = page.getByLabel("Tên mức 1");
  await expect(first).toBeVisible();
  await first.fill("Rất tốt");
  await page.getByRole("button", { name: "Lưu các mức xếp loại" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu các mức xếp loại." })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Xếp loại: Rất tốt từ/)).toBeVisible({ timeout: 30_000 });
  await noSeriousAxe(page);
  await page.screenshot(shot("assessment-bands-1366"));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot(shot("assessment-bands-390"));
});

test("the province adds an area, a criterion and a sub-criterion by hand to a draft set", async ({ page }) => {
  await signIn(page, "quangngai.thamdinh");
  await page.goto("/cham-diem");
  const create = page.getByRole("button", { name: "Tạo bộ tiêu chí" });
  if (!(await create.isVisible())) await page.getByText("Tạo bộ tiêu chí mới").click();
  await page.getByLabel("Năm đánh giá").fill("2031");
  await page.getByLabel("Bắt đầu từ").selectOption("demo");
  await create.click();
  await expect(page).toHaveURL(/bo-tieu-chi\//, { timeout: 30_000 });
  await page.getByText("Thêm lĩnh vực, tiêu chí hoặc tiêu chí thành phần").click();
  await page.locator("#add-area-code").fill("IX");
  await page.locator("#add-area-title").fill("Lĩnh vực thêm bằng tay");
  await page.getByRole("button", { name: "Thêm lĩnh vực" }).click();
  await expect(page.getByRole("heading", { name: /IX\. Lĩnh vực thêm bằng tay/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Lĩnh vực IX chưa có tiêu chí.")).toBeVisible();
  await page.locator("#add-crit-area").selectOption("IX");
  await page.locator("#add-crit-code").fill("1");
  await page.locator("#add-crit-title").fill("Tiêu chí thêm");
  await page.getByRole("button", { name: "Thêm tiêu chí", exact: true }).click();
  await expect(page.getByText("Tiêu chí IX.1 chưa có điểm.")).toBeVisible({ timeout: 30_000 });
  await page.locator("#add-sub-parent").selectOption("IX|1");
  await page.locator("#add-sub-code").fill("1.1");
  await page.locator("#add-sub-text").fill("Tiêu chí thành phần thêm");
  await page.locator("#add-sub-max").fill("2");
  await page.getByRole("button", { name: "Thêm tiêu chí thành phần" }).click();
  await expect(page.getByText("Tổng điểm tối đa là 102, không phải 100.")).toBeVisible({ timeout: 30_000 });
  await noSeriousAxe(page);
  await page.screenshot(shot("assessment-set-add-1366"));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot(shot("assessment-set-add-390"));
});

import { expect, test } from "@playwright/test";
import { explainRedRows, findRow, shot, signIn, expectSubmitted } from "./helpers";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

test("a Diên Khánh clerk fills Q3 including a ratio, attaches a PDF, saves; the chairman submits", async ({ page, browser }) => {
  // Two people, a save, an upload and a submission with its snapshot: over two minutes when the
  // shared machine is busy (load ~20 on 2 cores timed it out at the submission).
  test.setTimeout(240_000);
  await signIn(page, "dienkhanh.canbo");
  await page.getByRole("navigation", { name: "Menu chính" }).getByRole("link", { name: "Báo cáo quý" }).click();
  await page.goto("/bao-cao?nam=2025&quy=3");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Báo cáo Quý III năm 2025");
  await page.screenshot(shot("report-before"));

  // The report shows one part at a time (issue 21): rows in other parts are found with the finder.
  const row = await findRow(page, "Tỷ lệ hồ sơ trực tuyến toàn trình");
  await expect(row).toContainText("Chưa có số liệu");
  await row.getByLabel("Tử số").fill("30");
  await row.getByLabel("Mẫu số").fill("60");
  await expect(row).toContainText("50%");
  await expect(row).toContainText("Chưa đạt");
  await row.getByLabel("Tử số").fill("45");
  await expect(row).toContainText("75%");
  await expect(row).toContainText("Đạt");

  // A numerator above its denominator is flagged beside the field before saving.
  const other = await findRow(page, "Tỷ lệ thanh toán trực tuyến");
  await other.getByLabel("Tử số").fill("9");
  await other.getByLabel("Mẫu số").fill("8");
  await expect(other.getByText("Tử số không được lớn hơn mẫu số.")).toBeVisible();
  await other.getByLabel("Mẫu số").fill("12");
  await expect(other.getByText("Tử số không được lớn hơn mẫu số.")).toHaveCount(0);

  // In another part: what was typed in the first stays, and one "Lưu" saves all three rows.
  const task = await findRow(page, "Báo cáo kết quả thực hiện công tác CCHC định kỳ");
  await task.getByLabel("Tiến độ").selectOption("DONE");
  await task.getByLabel("Kết quả thực hiện").fill("Đã gửi báo cáo quý III qua phần mềm báo cáo CCHC");

  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu 3 dòng" })).toBeVisible();

  // Evidence on the saved ratio row.
  await findRow(page, "Tỷ lệ hồ sơ trực tuyến toàn trình");
  await row.getByText(/Minh chứng/).click();
  await row.locator('input[type="file"]').setInputFiles({ name: "bao-cao-quy-3.pdf", mimeType: "application/pdf", buffer: PDF });
  await row.getByRole("button", { name: "Tải lên" }).click();
  await expect(row.getByRole("link", { name: /bao-cao-quy-3\.pdf/ })).toBeVisible();

  await page.reload();
  const reloaded = await findRow(page, "Tỷ lệ hồ sơ trực tuyến toàn trình");
  await expect(reloaded.getByLabel("Tử số")).toHaveValue("45");
  await expect(reloaded.getByLabel("Mẫu số")).toHaveValue("60");
  await expect(reloaded).toContainText("Đạt");
  await expect(reloaded.getByText(/Minh chứng \(1\)/)).toBeVisible();
  await page.screenshot(shot("report-after-save"));

  // The clerk may not submit; the chairman does.
  await expect(page.getByRole("button", { name: "Nộp báo cáo" })).toHaveCount(0);
  const chairman = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await signIn(chairman, "dienkhanh.chutich");
  await chairman.goto("/bao-cao?nam=2025&quy=3");
  await explainRedRows(chairman);
  chairman.once("dialog", (d) => d.accept());
  await chairman.getByRole("button", { name: "Nộp báo cáo" }).click();
  await expectSubmitted(chairman);
  // The page refreshed into its read-only view: it says, and keeps saying, that it went up and when.
  const notice = chairman.getByRole("status").filter({ hasText: "đang chờ cấp trên xét duyệt" });
  const today = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date());
  await expect(notice).toContainText(`Đã nộp ngày ${today} (Lê Văn Demo (dữ liệu mẫu)), đang chờ cấp trên xét duyệt.`);
  await chairman.reload();
  await expect(notice).toContainText(`Đã nộp ngày ${today}`);
  // A report on file is shown as text, not as (disabled) inputs (issue 17).
  await expect((await findRow(chairman, "Tỷ lệ hồ sơ trực tuyến toàn trình")).getByLabel("Tử số")).toHaveCount(0);
  await chairman.screenshot(shot("report-submitted"));
  await chairman.setViewportSize({ width: 390, height: 844 });
  await chairman.screenshot({ path: "tests/e2e/screenshots/report-submitted-390.png" });
  await chairman.close();
});

test("the report page filters to one responsible unit", async ({ page }) => {
  await signIn(page, "hanhdung.canbo");
  await page.goto("/bao-cao?nam=2025&quy=3");
  // The finder counts the rows of every part, open or not (issue 21: one part is shown at a time).
  const counted = async () => (await page.getByText(/^Hiện \d+\/\d+ dòng$/).textContent())!.match(/(\d+)\/(\d+)/)!.slice(1).map(Number);
  const [all, total] = await counted();
  expect(all).toBe(total);
  const filter = page.getByLabel("Lọc theo đơn vị phụ trách");
  const option = await filter.locator("option").nth(1).textContent();
  await filter.selectOption({ label: option! });
  await expect(page.getByText(`/${total} dòng`)).not.toHaveText(`Hiện ${total}/${total} dòng`);
  const [filtered] = await counted();
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(all);
  // The rows shown are the unit's, in the part opened for them.
  await expect(page.locator("tr[data-row]").first()).toBeVisible();
  expect(await page.locator("tr[data-row]").count()).toBeLessThanOrEqual(filtered);
});

test("the quarter and year pickers move the report page", async ({ page }) => {
  await signIn(page, "tanduc.canbo");
  await page.goto("/bao-cao?nam=2024&quy=4");
  await page.getByRole("navigation", { name: "Chọn quý" }).getByRole("link", { name: "Quý II", exact: true }).click();
  await expect(page).toHaveURL(/\/bao-cao\?nam=2024&quy=2$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Báo cáo Quý II năm 2024");
});

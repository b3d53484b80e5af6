import { expect, test } from "@playwright/test";
import { signIn, noSeriousAxe } from "./helpers";

const view = (name: string) => ({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true });

// Each journey signs in, imports or merges, and reloads the dashboard: on the shared machine that
// takes longer than the default minute.
test.describe.configure({ timeout: 180_000 });

const PLAN = [
  "STT\tNhiệm vụ cụ thể\tTiến độ\tCơ quan chủ trì\tCơ quan phối hợp\tKết quả/sản phẩm",
  "I\tCÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\t\t\t\t",
  "1\tBan hành kế hoạch tuyên truyền CCHC\tQuý I\tTổ CCHC xã\tPhòng Kinh tế\tKế hoạch",
  "2\tKiểm tra công vụ tại các bộ phận\tQuý II\tPhòng Kinh tế\tTổ CCHC xã\tBáo cáo",
  "3\tTổng hợp báo cáo CCHC quý\tHằng quý\tTổ CCHC xã\tCác cơ quan, đơn vị\tBáo cáo",
].join("\n");

test("a clerk maps a phrase the register does not know once, and every row follows; changes a row's kind, types due dates and saves", async ({ page }) => {
  await signIn(page, "dienkhanh.canbo");
  await page.goto("/ke-hoach/nhap");
  await page.getByLabel("Dán nội dung văn bản").fill(PLAN);
  // A year no other spec reports on: a draft plan of 2025 would stop Diên Khánh's 2025 reports
  // from being submitted (every plan of the year must be in force), whatever spec ran next.
  await page.getByLabel("Năm kế hoạch (nếu văn bản không ghi)").fill("2026");
  await page.getByRole("button", { name: "Đọc và xem trước" }).click();
  await page.getByLabel("Tên kế hoạch").fill("Kế hoạch thử ghép tên đơn vị");

  const mapping = page.getByLabel(/“Tổ CCHC xã” \(3 dòng\)/);
  await expect(mapping).toBeVisible();
  await expect(page.getByLabel("Đơn vị sẽ tạo mới")).toContainText("Tổ CCHC xã");
  await mapping.selectOption({ label: "= Văn phòng HĐND và UBND xã" });
  await expect(page.getByText("Không tạo đơn vị mới.")).toBeVisible();
  const rows = page.locator("tr[data-row][data-type=task]");
  await expect(rows).toHaveCount(3);
  for (const i of [0, 1, 2]) await expect(rows.nth(i)).toContainText("Văn phòng HĐND và UBND xã (văn bản ghi: Tổ CCHC xã)");
  await page.screenshot(view("unit-mapping-1366"));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByLabel("Ghép tên trong văn bản với đơn vị của xã").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tests/e2e/screenshots/unit-mapping-390.png" });
  await page.setViewportSize({ width: 1366, height: 768 });

  // A row read as a task is a figure the commune follows: the clerk changes its kind, its units follow.
  await rows.filter({ hasText: "Kiểm tra công vụ tại các bộ phận" }).getByRole("button", { name: "Sửa" }).click();
  await page.getByLabel("Loại dòng").selectOption({ label: "Chỉ tiêu" });
  const asIndicator = page.locator("tr[data-row][data-type=indicator]").filter({ hasText: "Kiểm tra công vụ tại các bộ phận" });
  await expect(asIndicator).toContainText("Theo dõi: Phòng Kinh tế");
  await expect(asIndicator).toContainText("Văn phòng HĐND và UBND xã (văn bản ghi: Tổ CCHC xã)");
  await page.getByRole("button", { name: "Xong" }).click();
  await expect(rows).toHaveCount(2);

  // The quarterly report is due on the 20th, not at each quarter's end: the clerk types the dates.
  const quarterly = rows.filter({ hasText: "Tổng hợp báo cáo CCHC quý" });
  await quarterly.getByRole("button", { name: "Sửa" }).click();
  const dates = page.getByLabel("Các hạn hoàn thành (dd/mm/yyyy)");
  await expect(dates).toHaveValue("31/03/2026; 30/06/2026; 30/09/2026; 31/12/2026");
  await dates.fill("20/03/2026; 20/06/2026; 20/09/2026; 31/09/2026");
  await expect(page.getByText("“31/09/2026” không phải ngày, nhập theo dạng dd/mm/yyyy.")).toBeVisible();
  await dates.fill("20/03/2026; 20/06/2026; 20/09/2026; 20/12/2026");
  await expect(quarterly).toContainText("Hiểu là: Định kỳ, hạn 20/03/2026; 20/06/2026; 20/09/2026; 20/12/2026");
  await dates.scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 250); // above the sticky save bar
  await page.screenshot({ path: "tests/e2e/screenshots/plan-import-due-dates-1366.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await dates.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tests/e2e/screenshots/plan-import-due-dates-390.png" });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole("button", { name: "Xong" }).click();

  await page.getByRole("button", { name: "Lưu kế hoạch (bản nháp)" }).click();
  await expect(page).toHaveURL(/\/ke-hoach\/[^/]+$/);
  await expect(page.locator("tr").filter({ hasText: "Ban hành kế hoạch tuyên truyền CCHC" })).toContainText("Văn phòng HĐND và UBND xã");
  await expect(page.locator("tr").filter({ hasText: "Kiểm tra công vụ tại các bộ phận" })).toContainText("Văn phòng HĐND và UBND xã");
  await expect(page.getByRole("heading", { name: "Chỉ tiêu (1)" })).toBeVisible();
  // Saved as typed: the editor shows the clerk's own dates (blank would mean "as the text says").
  await page.getByRole("link", { name: "Sửa kế hoạch" }).click();
  await page.getByRole("link", { name: /^Sửa: 3 Tổng hợp báo cáo CCHC quý/ }).click();
  await expect(page.locator("#edit-task-due-dates")).toHaveValue("20/03/2026; 20/06/2026; 20/09/2026; 20/12/2026");

  // Remembered: the register lists the phrase as the office's alias.
  await page.goto("/don-vi");
  await expect(page.getByTestId("register-unit").filter({ hasText: "Văn phòng HĐND và UBND xã" })).toContainText("Tên gọi khác: Tổ CCHC xã");
});

test("the chairman merges two units and the dashboard's per-unit table shows one row", async ({ page }) => {
  await signIn(page, "hanhdung.chutich");
  await page.goto("/tong-quan?nam=2025&quy=3"); // an open quarter: an approved one keeps the units it was approved with (issue 14)
  const table = page.locator("table").filter({ has: page.getByRole("columnheader", { name: "Nhiệm vụ chủ trì" }) });
  await expect(table.getByRole("link", { name: "Các công chức chuyên môn thuộc UBND xã", exact: true })).toHaveCount(1);

  await page.getByRole("navigation", { name: "Menu chính" }).getByRole("link", { name: "Ban, ngành" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Danh mục ban, ngành, bộ phận");
  await expect(page.getByTestId("register-unit")).toHaveCount(7);
  await noSeriousAxe(page);
  await page.screenshot(view("unit-register-1366"));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot(view("unit-register-390"));
  await page.setViewportSize({ width: 1366, height: 768 });

  await page.getByLabel("Đơn vị cần gộp (sẽ bỏ)").selectOption({ label: "Các công chức chuyên môn thuộc UBND xã" });
  await page.getByLabel("Gộp vào (giữ lại)").selectOption({ label: "Các ban, ngành, công chức liên quan" });
  await page.getByRole("button", { name: "Gộp đơn vị" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã gộp đơn vị." })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("register-unit")).toHaveCount(6);
  await expect(page.getByTestId("register-unit").filter({ hasText: "Các ban, ngành, công chức liên quan" })).toContainText("Các công chức chuyên môn thuộc UBND xã");

  await page.goto("/tong-quan?nam=2025&quy=3"); // an open quarter: an approved one keeps the units it was approved with (issue 14)
  await expect(table.getByRole("link", { name: "Các công chức chuyên môn thuộc UBND xã", exact: true })).toHaveCount(0);
  await expect(table.getByRole("link", { name: "Các ban, ngành, công chức liên quan", exact: true })).toHaveCount(1);
  await page.screenshot(view("unit-merge-dashboard-1366"));
});

test("a clerk sees the register but cannot change it", async ({ page }) => {
  await signIn(page, "hanhdung.canbo");
  await page.goto("/don-vi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Danh mục ban, ngành, bộ phận");
  await expect(page.getByRole("button", { name: "Gộp đơn vị" })).toHaveCount(0);
});

import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { seedDocx, seedText } from "../support/seed-documents";
import { GOLDEN } from "../unit/plan-import/golden";

const HANH_DUNG = "hanh-dung-2025-tthc-control-plan.txt";
const TAY_THUAN = "tay-thuan-2025-indicators.txt";
const view = (name: string) => ({ path: `tests/e2e/screenshots/${name}.png`, fullPage: false });

// The Hành Dũng journey pastes, previews, saves, edits and deletes a whole plan: on the shared
// machine that takes about the default minute by itself.
test.describe.configure({ timeout: 180_000 });

function countsHeading(file: string) {
  const g = GOLDEN[file];
  return `4. Nội dung: ${g.sections} mục · ${g.tasks} nhiệm vụ · ${g.indicators} chỉ tiêu`;
}

/** Deletes the plan the test imported, from its editing page, so other tests see the demo data only. */
async function deletePlan(page: Page) {
  await page.getByRole("link", { name: "Sửa kế hoạch" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sửa kế hoạch");
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Xóa kế hoạch" }).click();
  await expect(page).toHaveURL(/\/ke-hoach$/);
}

test("a Hành Dũng clerk pastes the plan, corrects a unit in the preview, saves it and edits it", async ({ page }) => {
  await signIn(page, "hanhdung.canbo");
  await page.getByRole("navigation", { name: "Menu chính" }).getByRole("link", { name: "Kế hoạch", exact: true }).click();
  // The plans page first: "Việc cần làm" may offer its own "Nhập kế hoạch" link, and a click there
  // races the menu's navigation.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kế hoạch");
  await page.getByRole("link", { name: "Nhập kế hoạch" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập kế hoạch");

  await page.screenshot(view("plan-import-source"));
  await page.getByLabel("Dán nội dung văn bản").fill(seedText(HANH_DUNG));
  await page.getByRole("button", { name: "Đọc và xem trước" }).click();
  await expect(page.getByRole("heading", { name: countsHeading(HANH_DUNG) })).toBeVisible();
  await expect(page.getByLabel("Tên kế hoạch")).toHaveValue(GOLDEN[HANH_DUNG].title);
  await expect(page.getByLabel("Số văn bản")).toHaveValue("48/QĐ-UBND");
  await expect(page.getByLabel("Ngày ban hành")).toHaveValue("03/03/2025");
  // Every unit the document names is already one of Hành Dũng's ("VP-TK" is "Văn phòng - Thống kê").
  await expect(page.getByText("Không tạo đơn vị mới.")).toBeVisible();
  const indicator = page.locator("tr[data-row]").filter({ hasText: "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ" });
  await expect(indicator).toContainText("Văn bản ghi: “Tối thiểu 60”");
  await expect(indicator).toContainText("Hiểu là: Tối thiểu 60%");

  // Task 15's cell names its lead ("Các công chức tại Bộ phận Một cửa … phối hợp"): read, and
  // matched to the register's one-stop office; the clerk still changes it by hand.
  const row = page.locator("tr[data-row]").filter({ hasText: "Phối hợp tiếp nhận, phân loại và chuyển phản ánh" });
  await expect(row).not.toContainText("Không xác định được đơn vị chủ trì");
  await expect(row).toContainText("Chủ trì: Bộ phận Tiếp nhận và Trả kết quả xã");
  await row.scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, -200);
  await page.screenshot(view("plan-import-preview"));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot(view("plan-import-preview-top"));

  await row.getByRole("button", { name: "Sửa" }).click();
  await page.getByLabel("Đơn vị chủ trì", { exact: true }).fill("Văn phòng - Thống kê");
  await page.screenshot(view("plan-import-preview-edit"));
  await page.getByRole("button", { name: "Xong" }).click();
  await expect(row).toContainText("Chủ trì: Văn phòng - Thống kê");

  await page.getByRole("button", { name: "Lưu kế hoạch (bản nháp)" }).click();
  await expect(page).toHaveURL(/\/ke-hoach\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(GOLDEN[HANH_DUNG].title);
  await expect(page.getByRole("heading", { name: "Nhiệm vụ (22)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Chỉ tiêu (${GOLDEN[HANH_DUNG].indicators})` })).toBeVisible();
  await expect(page.locator("tr").filter({ hasText: "Phối hợp tiếp nhận, phân loại và chuyển phản ánh" })).toContainText("Văn phòng - Thống kê");
  await expect(page.getByText("Đang soạn")).toBeVisible();

  // Hand editing: move section A below B, renumber nothing, then remove the test's plan.
  await page.getByRole("link", { name: "Sửa kế hoạch" }).click();
  const first = () => page.locator("tbody tr[data-row]").first();
  await expect(first()).toContainText("Ban hành văn bản quản lý nhà nước");
  await page.getByRole("button", { name: /^Chuyển xuống: A Ban hành văn bản/ }).click();
  await expect(first()).toContainText("Thực hiện, giải quyết TTHC");
  await page.screenshot(view("plan-edit"));
  // Edit a task's deadline by hand: it is understood as the import understands it.
  await page.getByRole("link", { name: /^Sửa: 3 Thực hiện niêm yết/ }).click();
  await page.getByRole("textbox", { name: "Thời hạn" }).fill("Quý III");
  await page.getByRole("button", { name: "Lưu nhiệm vụ" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu nhiệm vụ." })).toBeVisible();
  const task3 = page.locator("tr[data-row]").filter({ hasText: "Thực hiện niêm yết, đăng tải công khai TTHC" });
  await expect(task3).toContainText("Hiểu là: Trong kỳ 01/07/2025 – 30/09/2025");
  await page.screenshot(view("plan-edit-row"));
  await page.getByRole("link", { name: "Xong, xem kế hoạch" }).click();
  await deletePlan(page);
  await expect(page.getByRole("link", { name: GOLDEN[HANH_DUNG].title })).toHaveCount(1); // the demo plan only
});

test("a Tây Thuận clerk uploads the plan as a Word file and gets the same plan", async ({ page }) => {
  const docx = await seedDocx(seedText(TAY_THUAN));
  await signIn(page, "taythuan.canbo");
  await page.goto("/ke-hoach/nhap");
  await page.getByLabel("Hoặc chọn tệp Word / Excel").setInputFiles({
    name: "Phụ lục chỉ tiêu CCHC 2025.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: docx,
  });
  await page.getByRole("button", { name: "Đọc và xem trước" }).click();
  await expect(page.getByRole("heading", { name: countsHeading(TAY_THUAN) })).toBeVisible();
  await expect(page.getByText("Đọc từ: Phụ lục chỉ tiêu CCHC 2025.docx")).toBeVisible();
  await expect(page.getByLabel("Tên kế hoạch")).toHaveValue(GOLDEN[TAY_THUAN].title);

  await page.getByRole("button", { name: "Lưu kế hoạch (bản nháp)" }).click();
  await expect(page).toHaveURL(/\/ke-hoach\/[^/]+$/);
  await expect(page.getByRole("heading", { name: `Chỉ tiêu (${GOLDEN[TAY_THUAN].indicators})` })).toBeVisible();
  await deletePlan(page);
});

test("a reviewer is offered no import and cannot open the import page", async ({ page }) => {
  await signIn(page, "nghiahanh.thamdinh");
  await page.goto("/ke-hoach");
  await expect(page.getByRole("link", { name: "Nhập kế hoạch" })).toHaveCount(0);
  await page.goto("/ke-hoach/nhap");
  await expect(page.getByRole("heading", { name: "Không có quyền truy cập" })).toBeVisible();
});

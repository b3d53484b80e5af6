import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { explainRedRows, shot, signIn, expectSubmitted } from "./helpers";

async function noSeriousAxe(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
}

const RATIO = "Tỷ lệ hồ sơ trực tuyến toàn trình";

async function reportRow(page: Page) {
  return page.locator("tr[data-row]").filter({ hasText: RATIO }).first();
}

// The first sign-in after the server starts is slow on a busy machine: done once before the journey.
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill("dienkhanh.chutich");
  await page.getByLabel("Mật khẩu").fill("Demo@2025");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).not.toHaveURL(/dang-nhap/, { timeout: 60_000 });
  await page.close();
});

test("Diên Khánh Q3: submitted, returned with a row comment, corrected, resubmitted by the clerk, approved and locked", async ({ browser }) => {
  // The whole cycle, by three people, twice over: longer than one page's journey.
  test.setTimeout(300_000);
  const chairman = await browser.newPage();
  await signIn(chairman, "dienkhanh.chutich");
  // The chairman lets the clerk submit on the commune's behalf.
  await chairman.goto("/tai-khoan");
  const toggle = chairman.getByLabel(/Công chức Văn phòng – Diên Khánh: được nộp/);
  if (!(await toggle.isChecked())) {
    await toggle.check();
    await expect(chairman.getByText("Đã cho phép nộp báo cáo.")).toBeVisible();
  }
  await chairman.close();

  const clerk = await browser.newPage();
  await signIn(clerk, "dienkhanh.canbo");
  await clerk.goto("/bao-cao?nam=2025&quy=3");
  if (await clerk.getByRole("button", { name: "Nộp báo cáo" }).isVisible()) {
    const row = await reportRow(clerk);
    await row.getByLabel("Tử số").fill("40");
    await row.getByLabel("Mẫu số").fill("60");
    await clerk.getByRole("button", { name: "Lưu" }).click();
    await expect(clerk.getByRole("status").filter({ hasText: "Đã lưu" })).toBeVisible();
    // Issue 17: red rows go up with their reason.
    await explainRedRows(clerk);
    clerk.once("dialog", (d) => d.accept());
    await clerk.getByRole("button", { name: "Nộp báo cáo" }).click();
    await expectSubmitted(clerk);
  }

  // The province reviewer sees it waiting in the matrix and returns it with a row comment.
  // Its own context: axe needs one.
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "khanhhoa.thamdinh");
  await expect(reviewer).toHaveURL(/xet-duyet/);
  await reviewer.goto("/xet-duyet?nam=2025");
  await expect(reviewer.getByRole("row", { name: /Xã Diên Khánh/ })).toContainText("Đã nộp");
  await reviewer.screenshot(shot("review-matrix"));
  await reviewer.getByRole("link", { name: /Xã Diên Khánh Quý III: Đã nộp/ }).click();
  await expect(reviewer.getByRole("heading", { level: 1 })).toContainText("Xã Diên Khánh: báo cáo Quý III năm 2025");
  await reviewer.getByLabel("Ý kiến chung (bắt buộc khi trả lại)").fill("Đề nghị rà soát lại số liệu hồ sơ trực tuyến.");
  // Issue 17: the row comment is written on the row itself, not picked from a list above.
  const commented = await reportRow(reviewer);
  await commented.getByRole("button", { name: /Nhận xét dòng/ }).click();
  await commented.getByLabel("Nhận xét của cấp trên cho dòng này (gửi kèm khi trả lại)").fill("Mẫu số chưa khớp số liệu trên Cổng dịch vụ công.");
  // Hiding the row with a filter keeps what was typed on it.
  await reviewer.getByLabel("Tìm chỉ tiêu, nhiệm vụ").fill("khong co dong nao nhu vay");
  await reviewer.getByLabel("Tìm chỉ tiêu, nhiệm vụ").fill("");
  await expect((await reportRow(reviewer)).getByLabel("Nhận xét của cấp trên cho dòng này (gửi kèm khi trả lại)")).toHaveValue("Mẫu số chưa khớp số liệu trên Cổng dịch vụ công.");
  await reviewer.screenshot(shot("review-page"));
  await reviewer.getByRole("button", { name: "↩ Trả lại" }).click();
  await expect(reviewer.getByText("Đã trả lại cho xã kèm ý kiến.")).toBeVisible();

  // The clerk sees the return in the menu, at the top of the report and on the row.
  await clerk.goto("/tong-quan");
  await expect(clerk.getByRole("navigation", { name: "Menu chính" }).getByRole("link", { name: /Báo cáo quý.*trả lại/ })).toBeVisible();
  await clerk.goto("/bao-cao?nam=2025&quy=3");
  await expect(clerk.getByRole("alert").filter({ hasText: "Báo cáo bị trả lại" })).toContainText("Đề nghị rà soát lại số liệu hồ sơ trực tuyến.");
  const row = await reportRow(clerk);
  await expect(row.getByRole("note")).toContainText("Mẫu số chưa khớp số liệu trên Cổng dịch vụ công.");
  await row.getByLabel("Mẫu số").fill("64");
  await clerk.getByRole("button", { name: "Lưu" }).click();
  await expect(clerk.getByRole("status").filter({ hasText: "Đã lưu 1 dòng" })).toBeVisible();
  await explainRedRows(clerk);
  clerk.once("dialog", (d) => d.accept());
  await clerk.getByRole("button", { name: "Nộp báo cáo" }).click();
  await expectSubmitted(clerk);

  // Issue 17: the reviewer sees what changed since the return, on the row, before → after,
  // beside the comment left on it; at 1366 px and on a phone.
  await reviewer.reload();
  await expect(reviewer.getByRole("note").filter({ hasText: "Nộp lại sau khi trả lại" })).toContainText("dòng đã sửa");
  const changedRow = await reportRow(reviewer);
  await expect(changedRow.getByRole("group", { name: "Đã sửa sau khi trả lại" })).toContainText(/Số liệu Quý III: \S+\/[\d.]+ → \S+\/64/);
  await expect(changedRow.getByRole("note")).toContainText("Mẫu số chưa khớp số liệu trên Cổng dịch vụ công.");
  await reviewer.getByRole("button", { name: "Chỉ xem các dòng đã sửa" }).click();
  await expect(reviewer.locator("tr[data-row]")).toHaveCount(await reviewer.locator("tr[data-row]:has([data-changed-since-return])").count());
  await reviewer.screenshot(shot("review-changed-since-return"));
  await noSeriousAxe(reviewer);
  await reviewer.setViewportSize({ width: 390, height: 844 });
  await expect(changedRow.getByRole("group", { name: "Đã sửa sau khi trả lại" })).toBeVisible();
  await changedRow.scrollIntoViewIfNeeded();
  await reviewer.screenshot({ path: "tests/e2e/screenshots/review-changed-since-return-390.png" });
  await noSeriousAxe(reviewer);
  await reviewer.setViewportSize({ width: 1366, height: 768 });

  // The reviewer approves; the report is locked for the clerk; history shows every step.
  await reviewer.reload();
  reviewer.once("dialog", (d) => d.accept());
  await reviewer.getByRole("button", { name: "✔ Duyệt" }).click();
  await expect(reviewer.getByText("Đã duyệt.")).toBeVisible();
  await clerk.reload();
  await expect(clerk.getByText("Báo cáo đã được duyệt và khóa.")).toBeVisible();
  // A locked report is shown as text, not as (disabled) inputs.
  await expect((await reportRow(clerk)).getByLabel("Mẫu số")).toHaveCount(0);
  await expect(clerk.getByRole("button", { name: "Lưu" })).toHaveCount(0);
  const history = clerk.getByRole("region", { name: "Lịch sử nộp và xét duyệt" });
  // Newest first: approved, the clerk's resubmission, the return, the first submission.
  const steps = history.getByRole("listitem");
  await expect(steps.nth(0)).toContainText(/^Duyệt – .*\(Đã nộp → Đã duyệt\)/);
  await expect(steps.nth(1)).toContainText(/^Nộp – .*→ Đã nộp\)/);
  await expect(steps.nth(2)).toContainText(/^Trả lại – .*\(Đã nộp → Trả lại\)/);
  await expect(steps.nth(3)).toContainText(/^Nộp – .*→ Đã nộp\)/);
  await expect(history).toContainText("Trả lại – Cán bộ thẩm định – Tỉnh Khánh Hòa");
  await expect(history).toContainText("Duyệt – Cán bộ thẩm định – Tỉnh Khánh Hòa");

  // Comparison across the reviewer's communes.
  await reviewer.goto("/so-sanh?nam=2025&quy=3");
  await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText("So sánh các xã");
  await expect(reviewer.getByRole("row", { name: /Xã Diên Khánh/ })).toBeVisible();
  // Issue 17: a whole group by default, and it says how many indicators the ranking covers.
  await expect(reviewer.getByRole("status").filter({ hasText: "Đang so sánh" })).toContainText(/Đang so sánh \d+ chỉ tiêu – cả nhóm /);
  await expect(reviewer.getByRole("radio", { checked: true })).toHaveCount(1);
  await reviewer.screenshot(shot("review-comparison"));
  await clerk.close();
  await reviewer.context().close();
});

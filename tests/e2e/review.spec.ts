import { expect, test, type Page } from "@playwright/test";
import { shot, signIn } from "./helpers";

const RATIO = "Tỷ lệ hồ sơ trực tuyến toàn trình";

async function reportRow(page: Page) {
  return page.locator("tr[data-row]").filter({ hasText: RATIO }).first();
}

test("Diên Khánh Q3: submitted, returned with a row comment, corrected, resubmitted by the clerk, approved and locked", async ({ browser }) => {
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
    clerk.once("dialog", (d) => d.accept());
    await clerk.getByRole("button", { name: "Nộp báo cáo" }).click();
    await expect(clerk.getByText("Đã nộp báo cáo lên cấp trên.")).toBeVisible();
  }

  // The province reviewer sees it waiting in the matrix and returns it with a row comment.
  const reviewer = await browser.newPage();
  await signIn(reviewer, "khanhhoa.thamdinh");
  await expect(reviewer).toHaveURL(/xet-duyet/);
  await reviewer.goto("/xet-duyet?nam=2025");
  await expect(reviewer.getByRole("row", { name: /Xã Diên Khánh/ })).toContainText("Đã nộp");
  await reviewer.screenshot(shot("review-matrix"));
  await reviewer.getByRole("link", { name: /Xã Diên Khánh Quý III: Đã nộp/ }).click();
  await expect(reviewer.getByRole("heading", { level: 1 })).toContainText("Xã Diên Khánh: báo cáo Quý III năm 2025");
  await reviewer.getByLabel("Ý kiến chung (bắt buộc khi trả lại)").fill("Đề nghị rà soát lại số liệu hồ sơ trực tuyến.");
  await reviewer.getByRole("button", { name: "+ Thêm ý kiến cho một dòng" }).click();
  await reviewer.getByLabel("Dòng", { exact: true }).selectOption({ label: (await reviewer.locator("option", { hasText: RATIO }).first().textContent())! });
  await reviewer.getByLabel("Ý kiến cho dòng").fill("Mẫu số chưa khớp số liệu trên Cổng dịch vụ công.");
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
  clerk.once("dialog", (d) => d.accept());
  await clerk.getByRole("button", { name: "Nộp báo cáo" }).click();
  await expect(clerk.getByText("Đã nộp báo cáo lên cấp trên.")).toBeVisible();

  // The reviewer approves; the report is locked for the clerk; history shows every step.
  await reviewer.reload();
  reviewer.once("dialog", (d) => d.accept());
  await reviewer.getByRole("button", { name: "✔ Duyệt" }).click();
  await expect(reviewer.getByText("Đã duyệt.")).toBeVisible();
  await clerk.reload();
  await expect(clerk.getByText("Báo cáo đã được duyệt và khóa.")).toBeVisible();
  await expect((await reportRow(clerk)).getByLabel("Mẫu số")).toBeDisabled();
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
  await reviewer.screenshot(shot("review-comparison"));
  await clerk.close();
  await reviewer.close();
});
